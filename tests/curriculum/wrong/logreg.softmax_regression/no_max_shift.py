# Wrong: exponentiates the raw scores; exp(1000) overflows to inf and inf / inf is NaN.
import numpy as np


def softmax(Z):
    Z = np.asarray(Z, float)
    if Z.ndim != 2:
        raise ValueError("Z must be 2-D")
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def fit_softmax(X, y, n_classes, lr=0.1, num_epochs=1000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if n_classes < 2 or not np.all((y == np.round(y)) & (y >= 0) & (y < n_classes)):
        raise ValueError("bad labels")
    Y = np.eye(n_classes)[y.astype(int)]
    W, b = np.zeros((n_classes, X.shape[1])), np.zeros(n_classes)
    for _ in range(num_epochs):
        error = softmax(X @ W.T + b) - Y
        W, b = W - lr * error.T @ X / len(y), b - lr * error.mean(axis=0)
    return W, b
