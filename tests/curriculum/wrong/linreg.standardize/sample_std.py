# Wrong: the sample standard deviation (divides by n - 1); the scaler divides by n.
import numpy as np


def standardize(X):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.size == 0 or not np.isfinite(X).all():
        raise ValueError("bad X")
    mean = X.mean(axis=0)
    scale = np.sqrt(((X - mean) ** 2).sum(axis=0) / (len(X) - 1))
    scale = np.where(np.ptp(X, axis=0) == 0, 1.0, scale)
    return (X - mean) / scale, mean, scale
