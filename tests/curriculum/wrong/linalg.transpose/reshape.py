# Wrong: reshape swaps the shape but keeps the numbers in reading order: not a transpose.
import numpy as np


def transpose(A):
    A = np.asarray(A)
    if A.ndim != 2:
        raise ValueError("A must be 2-D")
    m, n = A.shape
    return A.reshape(n, m)
