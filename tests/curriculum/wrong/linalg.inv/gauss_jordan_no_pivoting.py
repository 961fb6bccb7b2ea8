# Wrong: Gauss-Jordan without row swaps: divides by a zero (or tiny) pivot.
import numpy as np


def inv(A):
    A = np.array(A, dtype=float)
    n = A.shape[0]
    if A.ndim != 2 or A.shape[1] != n:
        raise ValueError("A must be square")
    M = np.hstack([A, np.eye(n)])  # [A | I], shape (n, 2n)
    for k in range(n):
        if M[k, k] == 0 and not M[k:, k].any():
            raise ValueError("A is singular")
        with np.errstate(divide="ignore", invalid="ignore"):
            M[k] /= M[k, k]
            for i in range(n):
                if i != k:
                    M[i] -= M[i, k] * M[k]
    return M[:, n:]
