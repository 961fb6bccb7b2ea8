# Wrong: the product of the diagonal is the determinant only of a triangular matrix.
import numpy as np


def det(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    return float(np.prod(np.diagonal(A)))
