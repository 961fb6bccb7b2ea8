# Wrong: R = sqrt(-log u1) instead of sqrt(-2 log u1): the variance is 1/2, not 1.
import numpy as np


def box_muller(n, rng):
    if n < 0:
        raise ValueError("n must be >= 0")
    m = (n + 1) // 2
    u1, u2 = 1 - rng.random(m), rng.random(m)
    r = np.sqrt(-np.log(u1))
    return np.concatenate([r * np.cos(2 * np.pi * u2), r * np.sin(2 * np.pi * u2)])[:n]
