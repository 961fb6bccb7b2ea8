# Wrong: returns the posterior variance tau_n^2 where the standard deviation tau_n is asked.
import numpy as np


def normal_normal_update(mu0, tau0, sigma, data):
    if tau0 <= 0 or sigma <= 0:
        raise ValueError("tau0 and sigma must be > 0")
    x = np.asarray(data, dtype=float)
    precision = 1 / tau0**2 + x.size / sigma**2
    return float((mu0 / tau0**2 + x.sum() / sigma**2) / precision), float(1 / precision)
