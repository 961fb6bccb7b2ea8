# Wrong: a fixed pivot tolerance (1e-12) calls a merely small matrix (1e-14 * A) singular.
import numpy as np


def solve(A, b):
    U, c = np.array(A, dtype=float), np.array(b, dtype=float)
    n = U.shape[0]
    if U.ndim != 2 or U.shape[1] != n or c.ndim not in (1, 2) or c.shape[0] != n:
        raise ValueError("A must be square and b must match it")
    for k in range(n):
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) < 1e-12:
            raise ValueError("A is singular")
        U[[k, p]], c[[k, p]] = U[[p, k]], c[[p, k]]
        f = U[k + 1:, k] / U[k, k]
        U[k + 1:] -= np.multiply.outer(f, U[k])
        c[k + 1:] -= np.multiply.outer(f, c[k])
    x = np.zeros_like(c)
    for i in range(n - 1, -1, -1):
        x[i] = (c[i] - np.tensordot(U[i, i + 1:], x[i + 1:], axes=1)) / U[i, i]
    return x
