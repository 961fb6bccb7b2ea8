# Wrong: multiplies by the rate instead of dividing: the mean is lam, not 1 / lam.
import numpy as np


def sample_exponential(n, lam, rng):
    if n < 0 or lam <= 0:
        raise ValueError("need n >= 0 and lam > 0")
    return -np.log1p(-rng.random(n)) * lam
