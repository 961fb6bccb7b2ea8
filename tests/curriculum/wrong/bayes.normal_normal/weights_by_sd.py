# Wrong: weights prior and data by 1 / sd instead of 1 / variance (precision).
import math

import numpy as np


def normal_normal_update(mu0, tau0, sigma, data):
    if tau0 <= 0 or sigma <= 0:
        raise ValueError("tau0 and sigma must be > 0")
    x = np.asarray(data, dtype=float)
    w = 1 / tau0 + x.size / sigma
    return float((mu0 / tau0 + x.sum() / sigma) / w), float(1 / math.sqrt(w))
