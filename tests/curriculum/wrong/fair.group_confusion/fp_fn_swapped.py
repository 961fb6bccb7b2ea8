# Wrong: a false positive counted as (y = 1, predicted 0) and a false negative as (y = 0,
# predicted 1): the two off-diagonal cells swapped.
import numpy as np
import pandas as pd


def group_confusion_matrices(y_true, y_pred, group):
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    if y_true.shape != y_pred.shape or y_pred.shape != group.shape \
            or not np.isin(y_true, (0, 1)).all() or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("bad input")
    labels = np.unique(group)
    rows = []
    for g in labels:
        t, p = y_true[group == g], y_pred[group == g]
        rows.append([((t == 0) & (p == 0)).sum(), ((t == 1) & (p == 0)).sum(),
                     ((t == 0) & (p == 1)).sum(), ((t == 1) & (p == 1)).sum()])
    return pd.DataFrame(np.array(rows, dtype=np.int64), index=pd.Index(labels, name="group"),
                        columns=["tn", "fp", "fn", "tp"])
