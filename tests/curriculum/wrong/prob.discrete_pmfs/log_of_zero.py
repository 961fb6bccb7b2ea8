# Wrong: k * log(p) gives 0 * -inf = nan when p = 0 or p = 1 (and lam = 0).
import math

import numpy as np

_lgamma = np.vectorize(math.lgamma, otypes=[float])


def _k(k):
    k = np.asarray(k, dtype=float)
    if np.any(k < 0) or np.any(k != np.round(k)):
        raise ValueError("k must be non-negative whole numbers")
    return k


def _out(v, k):
    return float(v) if np.ndim(k) == 0 else v


def binomial_pmf(k, n, p):
    kk = _k(k)
    if not 0 <= p <= 1 or n < 0 or n != int(n):
        raise ValueError("bad parameters")
    with np.errstate(all="ignore"):
        kc = np.minimum(kk, n)
        log = (math.lgamma(n + 1) - _lgamma(kc + 1) - _lgamma(n - kc + 1)
               + kc * np.log(p) + (n - kc) * np.log(1 - p))
    return _out(np.where(kk <= n, np.exp(log), 0.0), k)


def bernoulli_pmf(k, p):
    return binomial_pmf(k, 1, p)


def poisson_pmf(k, lam):
    kk = _k(k)
    if lam < 0:
        raise ValueError("lam")
    with np.errstate(all="ignore"):
        return _out(np.exp(kk * np.log(lam) - lam - _lgamma(kk + 1)), k)
