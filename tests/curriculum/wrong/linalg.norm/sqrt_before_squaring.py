# Wrong: takes the root of the plain sum; negative entries cancel (or give NaN).
import numpy as np


def norm(v):
    v = np.asarray(v, dtype=float)
    if v.ndim != 1:
        raise ValueError("v must be 1-D")
    return float(np.sqrt(v.sum()))
