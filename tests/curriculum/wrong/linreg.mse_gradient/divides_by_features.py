# Wrong: averages the gradient over the features instead of the samples.
import numpy as np


def mse_loss_and_gradient(X, y, w, b):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    if X.ndim != 2 or len(X) != len(y) or w.shape != (X.shape[1],):
        raise ValueError("bad shapes")
    r = X @ w + b - y
    n, d = X.shape
    return float(r @ r / n), 2 * X.T @ r / d, float(2 * r.sum() / n)
