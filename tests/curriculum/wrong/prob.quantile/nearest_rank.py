# Wrong: rounds to the nearest order statistic instead of interpolating between two.
import numpy as np


def quantile(x, q):
    xs = np.sort(np.asarray(x, dtype=float))
    q = np.asarray(q, dtype=float)
    if xs.size == 0 or np.any((q < 0) | (q > 1)):
        raise ValueError("bad input")
    out = xs[np.round((xs.size - 1) * q).astype(int)]
    return float(out) if out.ndim == 0 else out
