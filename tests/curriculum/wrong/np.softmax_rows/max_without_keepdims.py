# Wrong: Z.max(axis=-1) without keepdims has shape (n,), which broadcasts along the columns of
# a square (n, n) matrix: every column gets a different shift, and the rows change.
import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    if Z.ndim == 0 or Z.shape[-1] == 0:
        raise ValueError("Z must have a non-empty last axis")
    e = np.exp(Z - Z.max(axis=-1))
    return e / e.sum(axis=-1, keepdims=True)
