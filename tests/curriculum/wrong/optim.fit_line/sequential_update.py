# Wrong: updates w first, then computes b's gradient with the *new* w (not simultaneous).
import numpy as np


def fit_line(x, y, lr=0.05, num_epochs=500, batch_size=None, seed=0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape or lr <= 0 or num_epochs < 1:
        raise ValueError("bad arguments")
    n = len(x)
    batch_size = n if batch_size is None else batch_size
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    rng = np.random.default_rng(seed)
    w = b = 0.0
    for _ in range(num_epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            w = w - lr * 2 * np.mean((w * x[idx] + b - y[idx]) * x[idx])
            b = b - lr * 2 * np.mean(w * x[idx] + b - y[idx])
    return float(w), float(b)
