# Wrong: always divides by n - 1 (the sample variance), whatever ddof says.
import numpy as np


def mean(x):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x is empty")
    return float(x.sum() / x.size)


def variance(x, ddof=0):
    x = np.asarray(x, dtype=float)
    if x.size < 2:
        raise ValueError("need two values")
    d = x - mean(x)
    return float((d * d).sum() / (x.size - 1))
