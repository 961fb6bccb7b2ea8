# Wrong: float powers and factorials without logs overflow for large n and lam (and there is
# no validation of k).
import math

import numpy as np


def _each(k, f):
    k = np.asarray(k)
    out = np.array([f(int(v)) for v in k.ravel()], dtype=float).reshape(k.shape)
    return float(out) if k.ndim == 0 else out


def bernoulli_pmf(k, p):
    if not 0 <= p <= 1:
        raise ValueError("p")
    return _each(k, lambda v: p**v * (1 - p) ** (1 - v) if v <= 1 else 0.0)


def binomial_pmf(k, n, p):
    if not 0 <= p <= 1 or n < 0 or n != int(n):
        raise ValueError("bad parameters")
    return _each(k, lambda v: math.comb(n, v) * p**v * (1 - p) ** (n - v) if v <= n else 0.0)


def poisson_pmf(k, lam):
    if lam < 0:
        raise ValueError("lam")
    return _each(k, lambda v: float(lam) ** v * math.exp(-lam) / float(math.factorial(v)))
