# Wrong: multiplies the sums instead of summing the products.
import numpy as np


def dot(u, v):
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if u.ndim != 1 or u.shape != v.shape:
        raise ValueError("u and v must be vectors of the same length")
    return float(u.sum() * v.sum())
