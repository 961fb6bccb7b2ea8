# Wrong: 1 / A inverts each entry; the matrix inverse undoes the whole transformation.
import numpy as np


def inv(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    with np.errstate(divide="ignore"):
        return 1.0 / A
