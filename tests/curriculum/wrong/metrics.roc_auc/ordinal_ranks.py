# Wrong: ranks from argsort of argsort, so tied scores get different ranks instead of sharing
# their average rank.
import numpy as np


def roc_auc_score(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, dtype=float)
    classes = np.unique(y)
    if y.shape != s.shape or classes.size != 2:
        raise ValueError("bad input")
    pos = y == classes[1]
    ranks = np.argsort(np.argsort(s, kind="stable"), kind="stable") + 1.0
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
