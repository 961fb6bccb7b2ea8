# Wrong: starts from np.ones(n), which can already be an eigenvector of a smaller eigenvalue.
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    v = np.ones(A.shape[0]) / np.sqrt(A.shape[0])
    for _ in range(num_iters):
        w = A @ v
        size = np.sqrt(w @ w)
        if size == 0:
            return 0.0, v
        w = w / size
        done = min(np.sqrt((w - v) @ (w - v)), np.sqrt((w + v) @ (w + v))) < tol
        v = w
        if done:
            break
    return float(v @ A @ v), v
