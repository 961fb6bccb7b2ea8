# Wrong: right on small inputs, but compares every positive with every negative: an
# n_pos x n_neg array, which does not fit in memory for 200 000 samples.
import numpy as np


def roc_auc_score(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, dtype=float)
    classes = np.unique(y)
    if y.shape != s.shape or classes.size != 2:
        raise ValueError("bad input")
    pos, neg = s[y == classes[1]], s[y == classes[0]]
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0) + 0.5 * (diff == 0)).mean())
