# Wrong: assigns through the mask into the caller's array (np.asarray does not copy), so the
# caller's data changes.
import numpy as np


def replace_outliers(X, k=3.0):
    X = np.asarray(X)
    if X.ndim != 2 or X.shape[0] == 0 or not k > 0:
        raise ValueError("X must be 2-D with at least one row, and k > 0")
    mask = np.abs(X - X.mean(axis=0)) > k * X.std(axis=0)
    median = np.broadcast_to(np.median(X, axis=0), X.shape)
    X[mask] = median[mask]
    return X
