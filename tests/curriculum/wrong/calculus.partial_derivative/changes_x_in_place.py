# Wrong: nudges the caller's own array in place (np.asarray makes no copy of a float array)
# and forgets to put x[i] back.
import numpy as np


def partial_derivative(f, x, i, h=1e-5):
    x = np.asarray(x, dtype=float)
    if not 0 <= i < len(x) or h <= 0:
        raise ValueError("bad i or h")
    x[i] += h
    up = f(x)
    x[i] -= 2 * h
    down = f(x)
    return (up - down) / (2 * h)
