# Wrong: never updates the intercept, so the fit cannot reach the least-squares line.
import numpy as np


def fit_gradient_descent(X, y, lr=0.1, num_epochs=1000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or len(X) != len(y) or lr <= 0 or num_epochs < 0:
        raise ValueError("bad input")
    n = len(y)
    w, b, losses = np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_epochs):
        r = X @ w + b - y
        losses.append(np.mean(r**2))
        w = w - lr * 2 * X.T @ r / n
    return w, b, np.array(losses)
