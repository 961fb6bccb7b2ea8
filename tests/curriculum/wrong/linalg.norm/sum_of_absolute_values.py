# Wrong: the sum of absolute values is the L1 (taxicab) norm, not the Euclidean length.
import numpy as np


def norm(v):
    v = np.asarray(v, dtype=float)
    if v.ndim != 1:
        raise ValueError("v must be 1-D")
    return float(np.abs(v).sum())
