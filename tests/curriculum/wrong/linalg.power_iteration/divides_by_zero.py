# Wrong: divides by ||A v|| even when it is 0 (the zero matrix gives NaN).
import numpy as np


def power_iteration(A, num_iters=1000, tol=1e-10):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    v = np.random.default_rng(0).normal(size=A.shape[0])
    v /= np.sqrt(v @ v)
    for _ in range(num_iters):
        w = A @ v
        w = w / np.sqrt(w @ w)
        done = min(np.sqrt((w - v) @ (w - v)), np.sqrt((w + v) @ (w + v))) < tol
        v = w
        if done:
            break
    return float(v @ A @ v), v
