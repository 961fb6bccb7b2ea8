# Wrong: the CDF (x - a) / (b - a) is not clipped, so it goes below 0 and above 1.
import numpy as np


def uniform_pdf(x, a=0.0, b=1.0):
    if not a < b:
        raise ValueError("need a < b")
    x = np.asarray(x, dtype=float)
    out = np.where((x >= a) & (x <= b), 1.0 / (b - a), 0.0)
    return float(out) if out.ndim == 0 else out


def uniform_cdf(x, a=0.0, b=1.0):
    if not a < b:
        raise ValueError("need a < b")
    return (np.asarray(x, dtype=float) - a) / (b - a)
