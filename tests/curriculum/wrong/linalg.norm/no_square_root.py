# Wrong: returns the squared length; forgot the square root.
import numpy as np


def norm(v):
    v = np.asarray(v, dtype=float)
    if v.ndim != 1:
        raise ValueError("v must be 1-D")
    return float((v * v).sum())
