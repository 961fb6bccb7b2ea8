# Wrong: forgets that every row swap flips the sign of the determinant.
import numpy as np


def det(A):
    U = np.array(A, dtype=float)
    n = U.shape[0]
    if U.ndim != 2 or U.shape[1] != n:
        raise ValueError("A must be square")
    tol = n * np.finfo(float).eps * np.abs(U).max()
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= tol:
            return 0.0
        U[[k, p]] = U[[p, k]]
        U[k + 1:] -= np.multiply.outer(U[k + 1:, k] / U[k, k], U[k])
    return float(np.prod(np.diagonal(U)))
