# Wrong: picks the branches the wrong way round (the second form is 1 - sigma for z >= 0).
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, e / (1.0 + e), 1.0 / (1.0 + e))
    return float(out) if out.ndim == 0 else out
