# Wrong: divides a constant column by its zero (or rounding-error) standard deviation.
import numpy as np


def standardize(X):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.size == 0 or not np.isfinite(X).all():
        raise ValueError("bad X")
    mean = X.mean(axis=0)
    scale = np.sqrt(((X - mean) ** 2).mean(axis=0))
    return (X - mean) / scale, mean, scale
