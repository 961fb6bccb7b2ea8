# Wrong: forgets the column of ones, so the line is forced through the origin.
import numpy as np


def normal_equation(X, y, fit_intercept=True):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError("bad shapes")
    return np.linalg.solve(X.T @ X, X.T @ y), 0.0
