# Wrong: does not clip p, so a certain and wrong prediction gives an infinite loss.
import numpy as np


def log_loss(y, p):
    y, p = np.asarray(y, float), np.asarray(p, float)
    if y.ndim != 1 or y.shape != p.shape or y.size == 0:
        raise ValueError("bad shapes")
    if not np.all((y == 0) | (y == 1)) or not np.all((p >= 0) & (p <= 1)):
        raise ValueError("bad values")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
