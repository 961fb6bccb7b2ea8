# Wrong: erf needs z / sqrt(2); without it the CDF is that of N(0, 1/2).
import math

import numpy as np

_erfc = np.vectorize(math.erfc, otypes=[float])


def normal_cdf(x, mu=0.0, sigma=1.0):
    if sigma <= 0:
        raise ValueError("sigma must be > 0")
    z = (np.asarray(x, dtype=float) - mu) / sigma
    out = 0.5 * _erfc(-z)
    return float(out) if out.ndim == 0 else out
