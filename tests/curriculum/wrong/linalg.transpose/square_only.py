# Wrong: allocates the result with A's own shape, which only works for square matrices.
import numpy as np


def transpose(A):
    A = np.asarray(A)
    if A.ndim != 2:
        raise ValueError("A must be 2-D")
    out = np.empty_like(A)
    for i in range(A.shape[0]):
        for j in range(A.shape[1]):
            out[j, i] = A[i, j]
    return out
