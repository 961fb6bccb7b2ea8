# Wrong: divides a constant column by its standard deviation 0, giving NaN instead of 0.
import numpy as np


def standardize_columns(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D with at least one row")
    return (X - X.mean(axis=0)) / X.std(axis=0)
