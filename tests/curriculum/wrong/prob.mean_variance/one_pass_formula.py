# Wrong: variance as E[x^2] - E[x]^2, which cancels catastrophically when the mean is large.
import numpy as np


def mean(x):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x is empty")
    return float(x.sum() / x.size)


def variance(x, ddof=0):
    x = np.asarray(x, dtype=float)
    n = x.size
    if not 0 <= ddof < n:
        raise ValueError("need 0 <= ddof < n")
    return float(((x * x).sum() / n - mean(x) ** 2) * n / (n - ddof))
