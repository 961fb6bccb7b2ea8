# Wrong: sorts along axis 0 (within each column) instead of axis 1 (within each row).
import numpy as np


def top_k(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 0 <= k <= X.shape[1] or int(k) != k:
        raise ValueError("X must be 2-D and 0 <= k <= number of columns")
    idx = np.argsort(-X, axis=0)[:, :k]
    return np.take_along_axis(X, idx, axis=0), idx
