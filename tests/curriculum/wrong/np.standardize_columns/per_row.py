# Wrong: standardises each row (axis=1) instead of each column (axis=0).
import numpy as np


def standardize_columns(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D with at least one row")
    sigma = X.std(axis=1, keepdims=True)
    return (X - X.mean(axis=1, keepdims=True)) / np.where(sigma > 0, sigma, 1.0)
