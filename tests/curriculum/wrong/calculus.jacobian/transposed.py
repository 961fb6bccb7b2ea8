# Wrong: stacks the columns as rows, giving shape (n, m) instead of (m, n).
import numpy as np


def jacobian(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or h <= 0:
        raise ValueError("x must be 1-D and h positive")
    rows = []
    for i in range(len(x)):
        step = np.zeros_like(x)
        step[i] = h
        rows.append((np.asarray(f(x + step)) - np.asarray(f(x - step))) / (2 * h))
    return np.array(rows)
