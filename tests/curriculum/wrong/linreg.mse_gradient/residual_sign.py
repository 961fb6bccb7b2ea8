# Wrong: residual y - y_hat, so the gradient points uphill's opposite (its sign is flipped).
import numpy as np


def mse_loss_and_gradient(X, y, w, b):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    if X.ndim != 2 or len(X) != len(y) or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    r = y - (X @ w + b)
    n = len(y)
    return float(r @ r / n), 2 * X.T @ r / n, float(2 * r.sum() / n)
