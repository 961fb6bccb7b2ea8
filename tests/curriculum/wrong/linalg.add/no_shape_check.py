# Wrong: no shape check, so NumPy broadcasts [1, 2, 3] + [1] instead of raising ValueError.
import numpy as np


def add(u, v):
    return np.asarray(u, dtype=float) + np.asarray(v, dtype=float)
