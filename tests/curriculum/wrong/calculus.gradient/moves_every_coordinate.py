# Wrong: steps along (1, 1, ..., 1) for every entry instead of along the unit vector e_i.
import numpy as np


def gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or h <= 0:
        raise ValueError("x must be 1-D and h positive")
    slope = (f(x + h) - f(x - h)) / (2 * h)
    return np.full_like(x, slope)
