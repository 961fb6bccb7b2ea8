# Wrong: strict inequalities a < x < b drop the density at the two end points.
import numpy as np


def uniform_pdf(x, a=0.0, b=1.0):
    if not a < b:
        raise ValueError("need a < b")
    x = np.asarray(x, dtype=float)
    out = np.where((x > a) & (x < b), 1.0 / (b - a), 0.0)
    return float(out) if out.ndim == 0 else out


def uniform_cdf(x, a=0.0, b=1.0):
    if not a < b:
        raise ValueError("need a < b")
    x = np.asarray(x, dtype=float)
    out = np.clip((x - a) / (b - a), 0.0, 1.0)
    return float(out) if out.ndim == 0 else out
