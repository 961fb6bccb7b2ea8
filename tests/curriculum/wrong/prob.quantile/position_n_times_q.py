# Wrong: position h = n * q instead of (n - 1) * q (an off-by-one in the indexing).
import numpy as np


def quantile(x, q):
    xs = np.sort(np.asarray(x, dtype=float))
    q = np.asarray(q, dtype=float)
    if xs.size == 0 or np.any((q < 0) | (q > 1)):
        raise ValueError("bad input")
    h = np.minimum(xs.size * q, xs.size - 1)
    i = np.floor(h).astype(int)
    j = np.minimum(i + 1, xs.size - 1)
    out = xs[i] + (h - i) * (xs[j] - xs[i])
    return float(out) if out.ndim == 0 else out
