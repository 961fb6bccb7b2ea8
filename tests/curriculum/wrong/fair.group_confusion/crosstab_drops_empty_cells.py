# Wrong: pd.crosstab only makes the columns it sees, so a group set without any positive label
# gives no fn/tp columns (and the counts come out in the crosstab's own order).
import numpy as np
import pandas as pd


def group_confusion_matrices(y_true, y_pred, group):
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    if y_true.shape != y_pred.shape or y_pred.shape != group.shape \
            or not np.isin(y_true, (0, 1)).all() or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("bad input")
    names = {(0, 0): "tn", (0, 1): "fp", (1, 0): "fn", (1, 1): "tp"}
    table = pd.crosstab(group, [y_true, y_pred])
    table.columns = [names[c] for c in table.columns]
    table.index.name = "group"
    return table.astype(np.int64)
