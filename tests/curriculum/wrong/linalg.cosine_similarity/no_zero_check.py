# Wrong: divides by a zero length (NaN) instead of raising ValueError for the zero vector.
import numpy as np


def cosine_similarity(u, v):
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if u.ndim != 1 or u.shape != v.shape:
        raise ValueError("u and v must be vectors of the same length")
    with np.errstate(invalid="ignore", divide="ignore"):
        return float((u * v).sum() / (np.sqrt((u * u).sum()) * np.sqrt((v * v).sum())))
