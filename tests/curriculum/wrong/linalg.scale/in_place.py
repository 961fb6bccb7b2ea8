# Wrong: `*=` scales the caller's own array in place (and truncates integer arrays).
import numpy as np


def scale(c, v):
    v = np.asarray(v)
    if v.ndim != 1:
        raise ValueError("v must be 1-D")
    v *= c
    return v
