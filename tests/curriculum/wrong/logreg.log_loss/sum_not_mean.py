# Wrong: sums the per-sample losses instead of averaging them.
import numpy as np


def log_loss(y, p):
    y, p = np.asarray(y, float), np.asarray(p, float)
    if y.ndim != 1 or y.shape != p.shape or y.size == 0:
        raise ValueError("bad shapes")
    if not np.all((y == 0) | (y == 1)) or not np.all((p >= 0) & (p <= 1)):
        raise ValueError("bad values")
    eps = np.finfo(float).eps
    p = np.clip(p, eps, 1 - eps)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
