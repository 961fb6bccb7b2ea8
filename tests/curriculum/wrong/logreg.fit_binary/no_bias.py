# Wrong: never updates the bias b, so the boundary must pass through the origin.
import numpy as np


def fit_logistic(X, y, lr=0.1, num_epochs=1000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or len(X) != len(y) or not np.all((y == 0) | (y == 1)) or lr <= 0 \
            or num_epochs < 0:
        raise ValueError("bad input")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_epochs):
        error = 1 / (1 + np.exp(-np.clip(X @ w + b, -500, 500))) - y
        w = w - lr * X.T @ error / len(y)
    return w, b
