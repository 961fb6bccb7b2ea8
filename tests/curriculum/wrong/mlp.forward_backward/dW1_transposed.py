# Wrong: dW1 = X.T @ dZ1 has shape (n_in, n_hidden), the transpose of W1's (n_hidden, n_in).
import numpy as np


def mlp_forward_backward(X, y, W1, b1, W2, b2):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if W2.shape[1] != W1.shape[0] or y.min() < 0 or y.max() >= W2.shape[0]:
        raise ValueError("bad input")
    n = X.shape[0]
    Z1 = X @ W1.T + b1
    H = np.maximum(Z1, 0)
    Z2 = H @ W2.T + b2
    s = Z2 - Z2.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = float(-log_p[np.arange(n), y].mean())
    dZ2 = np.exp(log_p)
    dZ2[np.arange(n), y] -= 1
    dZ2 /= n
    dW2, db2 = dZ2.T @ H, dZ2.sum(axis=0)
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    return loss, X.T @ dZ1, dZ1.sum(axis=0), dW2, db2
