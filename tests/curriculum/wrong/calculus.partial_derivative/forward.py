# Wrong: a forward difference along e_i: first-order accurate only.
import numpy as np


def partial_derivative(f, x, i, h=1e-5):
    x = np.asarray(x, dtype=float)
    if not 0 <= i < len(x) or h <= 0:
        raise ValueError("bad i or h")
    step = np.zeros_like(x)
    step[i] = h
    return (f(x + step) - f(x)) / h
