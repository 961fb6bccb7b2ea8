# Wrong: y - p instead of p - y: the gradient of the log-likelihood, not of the loss.
import numpy as np


def log_loss_gradient(X, y, w, b):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    if X.ndim != 2 or len(X) != len(y) or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    e = np.exp(-np.abs(X @ w + b))
    p = np.where(X @ w + b >= 0, 1 / (1 + e), e / (1 + e))
    error = y - p
    return X.T @ error / len(y), float(error.mean())
