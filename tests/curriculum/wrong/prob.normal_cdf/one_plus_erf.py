# Wrong: 0.5 * (1 + erf(z)) cancels to 0 in the far left tail (relative precision is lost).
import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])


def normal_cdf(x, mu=0.0, sigma=1.0):
    if sigma <= 0:
        raise ValueError("sigma must be > 0")
    z = (np.asarray(x, dtype=float) - mu) / (sigma * math.sqrt(2))
    out = 0.5 * (1 + _erf(z))
    return float(out) if out.ndim == 0 else out
