# Wrong: the ones column is appended last, but the intercept is still read from theta[0].
import numpy as np


def normal_equation(X, y, fit_intercept=True):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError("bad shapes")
    A = np.column_stack([X, np.ones(len(y))]) if fit_intercept else X
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    return (theta[1:], float(theta[0])) if fit_intercept else (theta, 0.0)
