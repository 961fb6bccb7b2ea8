# Wrong: forward differences: the columns are only first-order accurate.
import numpy as np


def jacobian(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or h <= 0:
        raise ValueError("x must be 1-D and h positive")
    fx = np.asarray(f(x))
    columns = []
    for i in range(len(x)):
        step = np.zeros_like(x)
        step[i] = h
        columns.append((np.asarray(f(x + step)) - fx) / h)
    return np.stack(columns, axis=1)
