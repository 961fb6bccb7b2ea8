# Wrong: subtracts the maximum of the whole array, not of each row: a row far below the
# maximum underflows to 0 / 0.
import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    if Z.ndim == 0 or Z.shape[-1] == 0:
        raise ValueError("Z must have a non-empty last axis")
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=-1, keepdims=True)
