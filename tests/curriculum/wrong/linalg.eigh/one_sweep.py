# Wrong: stops after a single sweep; later rotations undo earlier zeros, so it is not converged.
import numpy as np


def eigh(A):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or not np.allclose(A, A.T):
        raise ValueError("A must be square and symmetric")
    n = A.shape[0]
    D, V = A.copy(), np.eye(n)
    for _ in range(1):
        for p in range(n - 1):
            for q in range(p + 1, n):
                if D[p, q] == 0:
                    continue
                tau = (D[q, q] - D[p, p]) / (2 * D[p, q])
                t = (1.0 if tau >= 0 else -1.0) / (abs(tau) + np.sqrt(1 + tau * tau))
                c = 1 / np.sqrt(1 + t * t)
                s = t * c
                J = np.eye(n)
                J[p, p], J[q, q], J[p, q], J[q, p] = c, c, s, -s
                D = J.T @ D @ J
                V = V @ J
    w = np.diag(D)
    order = np.argsort(w)
    return w[order], V[:, order]
