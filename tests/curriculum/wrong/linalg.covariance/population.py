# Wrong: divides by n_samples (population covariance) instead of n_samples - 1.
import numpy as np


def covariance(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("X must be 2-D with at least 2 samples")
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / X.shape[0]
