# Wrong: returns the stretch ||A v|| as the eigenvalue, which is never negative.
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    v = np.random.default_rng(0).normal(size=A.shape[0])
    v /= np.sqrt(v @ v)
    size = 0.0
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
    return float(size), v
