# Wrong: counts only strict wins (positive score > negative score); a tie should count 1/2.
import numpy as np


def roc_auc_score(y_true, y_score):
    y, s = np.asarray(y_true), np.asarray(y_score, dtype=float)
    classes = np.unique(y)
    if y.shape != s.shape or classes.size != 2:
        raise ValueError("bad input")
    pos, neg = s[y == classes[1]], np.sort(s[y == classes[0]])
    wins = np.searchsorted(neg, pos, side="left")  # negatives strictly below each positive
    return float(wins.sum() / (pos.size * neg.size))
