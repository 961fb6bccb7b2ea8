# Wrong: ignores the criterion and always uses the Gini impurity.
import numpy as np


def _gini(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return 1.0 - (p * p).sum()


def information_gain(y, left_mask, criterion="gini"):
    y = np.asarray(y)
    mask = np.asarray(left_mask)
    if y.size == 0 or mask.dtype != bool or mask.shape != y.shape:
        raise ValueError("bad input")
    if criterion not in ("gini", "entropy", "log_loss"):
        raise ValueError("unknown criterion")
    gain = _gini(y)
    for side in (y[mask], y[~mask]):
        if side.size:
            gain -= side.size / y.size * _gini(side)
    return float(gain)
