# Wrong: replaces the outliers by the column mean (which the outliers pull), not the median.
import numpy as np


def replace_outliers(X, k=3.0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or not k > 0:
        raise ValueError("X must be 2-D with at least one row, and k > 0")
    mu = X.mean(axis=0, keepdims=True)
    mask = np.abs(X - mu) > k * X.std(axis=0, keepdims=True)
    return np.where(mask, mu, X)
