# Wrong: averages the two children's impurities instead of weighting them by n_child / n.
import numpy as np


def _gini(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return 1.0 - (p * p).sum()


def _entropy(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return -(p * np.log2(p)).sum()


def information_gain(y, left_mask, criterion="gini"):
    y = np.asarray(y)
    mask = np.asarray(left_mask)
    if y.size == 0 or mask.dtype != bool or mask.shape != y.shape:
        raise ValueError("bad input")
    if criterion not in ("gini", "entropy", "log_loss"):
        raise ValueError("unknown criterion")
    imp = _gini if criterion == "gini" else _entropy
    sides = [s for s in (y[mask], y[~mask]) if s.size]
    return float(imp(y) - sum(imp(s) for s in sides) / len(sides))
