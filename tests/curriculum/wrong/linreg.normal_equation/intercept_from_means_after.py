# Wrong: fits w without the ones column (through the origin), then sets b = mean(y) - mean(X) @ w;
# that recipe needs w from *centred* data.
import numpy as np


def normal_equation(X, y, fit_intercept=True):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError("bad shapes")
    w = np.linalg.solve(X.T @ X, X.T @ y)
    return (w, float(y.mean() - X.mean(axis=0) @ w)) if fit_intercept else (w, 0.0)
