# Wrong: copies solve's "singular -> ValueError"; a singular matrix has determinant 0.0.
import numpy as np


def det(A):
    U = np.array(A, dtype=float)
    n = U.shape[0]
    if U.ndim != 2 or U.shape[1] != n:
        raise ValueError("A must be square")
    tol = n * np.finfo(float).eps * np.abs(U).max()
    sign = 1.0
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= tol:
            raise ValueError("A is singular")
        if p != k:
            U[[k, p]] = U[[p, k]]
            sign = -sign
        U[k + 1:] -= np.multiply.outer(U[k + 1:, k] / U[k, k], U[k])
    return sign * float(np.prod(np.diagonal(U)))
