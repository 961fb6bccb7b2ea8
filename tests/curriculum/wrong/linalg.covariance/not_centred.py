# Wrong: forgets to subtract the column means before multiplying.
import numpy as np


def covariance(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("X must be 2-D with at least 2 samples")
    return X.T @ X / (X.shape[0] - 1)
