# Wrong: no max-subtraction: exp(1000) overflows to inf and inf / inf is NaN.
import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    if Z.ndim == 0 or Z.shape[-1] == 0:
        raise ValueError("Z must have a non-empty last axis")
    e = np.exp(Z)
    return e / e.sum(axis=-1, keepdims=True)
