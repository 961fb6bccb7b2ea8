# Wrong: divides by n - 1 (the unbiased estimate), but the MLE of the variance divides by n.
import numpy as np


def mle_bernoulli(x):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or np.any((x != 0) & (x != 1)):
        raise ValueError("x must be non-empty 0/1 data")
    return float(x.sum() / x.size)


def mle_normal(x):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x is empty")
    mu = x.sum() / x.size
    return float(mu), float(((x - mu) ** 2).sum() / max(x.size - 1, 1))
