# Wrong: ranks all of the group's scores even for metric="tpr", so the threshold gives the
# target *selection rate*, not the target true positive rate.
import math

import numpy as np
import pandas as pd


def group_thresholds(scores, y_true, group, target=0.8, metric="tpr"):
    scores, y_true, group = np.asarray(scores, float), np.asarray(y_true), np.asarray(group)
    if scores.shape != y_true.shape or y_true.shape != group.shape or not 0 < target <= 1 \
            or metric not in ("tpr", "selection_rate"):
        raise ValueError("bad input")
    labels = np.unique(group)
    out = []
    for g in labels:
        if metric == "tpr" and not ((group == g) & (y_true == 1)).any():
            raise ValueError("no positives")
        ranked = np.sort(scores[group == g])[::-1]
        k = max(1, math.ceil(target * ranked.size - 1e-9))
        out.append(ranked[k - 1])
    return pd.Series(out, index=pd.Index(labels, name="group"), name="threshold")
