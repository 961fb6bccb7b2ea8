# Wrong: the variance as E[x^2] - E[x]^2, which cancels catastrophically for a large mean.
import numpy as np


def standardize_columns(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D with at least one row")
    mu = X.mean(axis=0)
    var = np.maximum((X * X).mean(axis=0) - mu * mu, 0.0)
    sigma = np.sqrt(var)
    return (X - mu) / np.where(sigma > 0, sigma, 1.0)
