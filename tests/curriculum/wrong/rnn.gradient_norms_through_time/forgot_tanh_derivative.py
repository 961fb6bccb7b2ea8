# Wrong: multiplies by W_hh alone at each step back, without the tanh derivative 1 - h_t**2.
import numpy as np


def gradient_norms_through_time(X, h0, W_xh, W_hh, b, dh_last):
    X, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (X, W_xh, W_hh, b))
    if X.ndim != 3 or X.shape[1] == 0:
        raise ValueError("X must be (N, T, I) with T >= 1")
    T = X.shape[1]
    G = np.asarray(dh_last, dtype=float)
    norms = np.empty(T)
    for t in range(T, 0, -1):
        norms[t - 1] = np.linalg.norm(G)
        G = G @ W_hh
    return norms
