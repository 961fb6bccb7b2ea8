# Wrong: drops the factor 2 from the derivative of the square.
import numpy as np


def mse_loss_and_gradient(X, y, w, b):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    if X.ndim != 2 or len(X) != len(y) or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    r = X @ w + b - y
    n = len(y)
    return float(r @ r / n), X.T @ r / n, float(r.sum() / n)
