# Wrong: sums the gradient over the batch instead of averaging: with 200 samples the steps
# are 200 times too long and the fit blows up.
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
            r = w * x[idx] + b - y[idx]
            w, b = w - lr * 2 * np.sum(r * x[idx]), b - lr * 2 * np.sum(r)
    return float(w), float(b)
