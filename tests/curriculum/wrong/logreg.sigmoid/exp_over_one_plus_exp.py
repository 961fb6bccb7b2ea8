# Wrong: e^z / (1 + e^z) everywhere: inf / inf = NaN for large positive z.
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z)
    out = e / (1.0 + e)
    return float(out) if out.ndim == 0 else out
