# Wrong: the right k values, but in increasing order (the last k of an ascending sort).
import numpy as np


def top_k(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 0 <= k <= X.shape[1] or int(k) != k:
        raise ValueError("X must be 2-D and 0 <= k <= number of columns")
    idx = np.argsort(X, axis=1)[:, X.shape[1] - k:]
    return np.take_along_axis(X, idx, axis=1), idx
