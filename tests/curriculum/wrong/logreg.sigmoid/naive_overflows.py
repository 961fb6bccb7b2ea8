# Wrong: the textbook formula; right values, but exp(-z) overflows for z < -709.
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = 1.0 / (1.0 + np.exp(-z))
    return float(out) if out.ndim == 0 else out
