# Wrong: log(1 - u) / lam without the minus sign: every sample is negative.
import numpy as np


def sample_exponential(n, lam, rng):
    if n < 0 or lam <= 0:
        raise ValueError("need n >= 0 and lam > 0")
    return np.log1p(-rng.random(n)) / lam
