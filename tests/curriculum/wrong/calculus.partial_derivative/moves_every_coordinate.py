# Wrong: adds h to every coordinate (a directional derivative), not only to x[i].
import numpy as np


def partial_derivative(f, x, i, h=1e-5):
    x = np.asarray(x, dtype=float)
    if not 0 <= i < len(x) or h <= 0:
        raise ValueError("bad i or h")
    return (f(x + h) - f(x - h)) / (2 * h)
