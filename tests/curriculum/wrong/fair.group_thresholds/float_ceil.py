# Wrong: k = ceil(target * n) without a guard: 0.28 * 25 is 7.000000000000001 in floating
# point, so k = 8 and the threshold is one score too low.
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
        mask = (group == g) & ((y_true == 1) if metric == "tpr" else True)
        if not mask.any():
            raise ValueError("no positives")
        ranked = np.sort(scores[mask])[::-1]
        out.append(ranked[max(1, math.ceil(target * ranked.size)) - 1])
    return pd.Series(out, index=pd.Index(labels, name="group"), name="threshold")
