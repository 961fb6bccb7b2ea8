# Wrong: divides by the sample standard deviation (ddof = 1); StandardScaler uses ddof = 0.
import numpy as np


def standardize_columns(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D with at least one row")
    sigma = X.std(axis=0, ddof=1, keepdims=True) if X.shape[0] > 1 else np.zeros((1, X.shape[1]))
    return (X - X.mean(axis=0, keepdims=True)) / np.where(sigma > 0, sigma, 1.0)
