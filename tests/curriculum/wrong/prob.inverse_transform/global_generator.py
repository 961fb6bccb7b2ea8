# Wrong: draws from a fresh generator instead of the `rng` it is given (not reproducible).
import numpy as np


def sample_exponential(n, lam, rng):
    if n < 0 or lam <= 0:
        raise ValueError("need n >= 0 and lam > 0")
    u = np.random.default_rng().random(n)
    return -np.log1p(-u) / lam
