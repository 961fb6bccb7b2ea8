# Wrong: divides by the squared lengths (u.u * v.v) instead of the lengths.
import numpy as np


def cosine_similarity(u, v):
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if u.ndim != 1 or u.shape != v.shape:
        raise ValueError("u and v must be vectors of the same length")
    uu, vv = (u * u).sum(), (v * v).sum()
    if uu == 0 or vv == 0:
        raise ValueError("zero vector")
    return float((u * v).sum() / (uu * vv))
