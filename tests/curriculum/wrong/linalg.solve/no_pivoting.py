# Wrong: swaps rows only when the pivot is exactly 0, so a tiny pivot (1e-20) destroys accuracy.
import numpy as np


def solve(A, b):
    U, c = np.array(A, dtype=float), np.array(b, dtype=float)
    n = U.shape[0]
    if U.ndim != 2 or U.shape[1] != n or c.shape[0] != n:
        raise ValueError("A must be square and b must match it")
    for k in range(n):
        if U[k, k] == 0:
            nonzero = np.flatnonzero(U[k + 1:, k])
            if len(nonzero) == 0:
                raise ValueError("A is singular")
            p = k + 1 + nonzero[0]
            U[[k, p]], c[[k, p]] = U[[p, k]], c[[p, k]]
        f = U[k + 1:, k] / U[k, k]
        U[k + 1:] -= np.multiply.outer(f, U[k])
        c[k + 1:] -= np.multiply.outer(f, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - np.tensordot(U[i, i + 1:], x[i + 1:], axes=1)) / U[i, i]
    return x
