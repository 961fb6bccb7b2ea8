# Wrong: forward differences: each entry is off by about h/2 times the curvature.
import numpy as np


def gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or h <= 0:
        raise ValueError("x must be 1-D and h positive")
    fx = f(x)
    grad = np.empty_like(x)
    for i in range(len(x)):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - fx) / h
    return grad
