# Wrong: treats sigma as the variance (divides by sigma, not sigma**2, in the exponent).
import math

import numpy as np


def normal_pdf(x, mu=0.0, sigma=1.0):
    if sigma <= 0:
        raise ValueError("sigma must be > 0")
    x = np.asarray(x, dtype=float)
    return np.exp(-((x - mu) ** 2) / (2 * sigma)) / math.sqrt(2 * math.pi * sigma)
