# Wrong: the normalising constant is 1 / sqrt(2 pi), without the 1 / sigma.
import math

import numpy as np


def normal_pdf(x, mu=0.0, sigma=1.0):
    if sigma <= 0:
        raise ValueError("sigma must be > 0")
    z = (np.asarray(x, dtype=float) - mu) / sigma
    return np.exp(-0.5 * z**2) / math.sqrt(2 * math.pi)
