# Wrong: also returns the norm at h_0 (T + 1 values instead of T).
import numpy as np


def gradient_norms_through_time(X, h0, W_xh, W_hh, b, dh_last):
    X, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (X, W_xh, W_hh, b))
    if X.ndim != 3 or X.shape[1] == 0:
        raise ValueError("X must be (N, T, I) with T >= 1")
    N, T, _ = X.shape
    hs = [np.zeros((N, W_hh.shape[0])) if h0 is None else np.asarray(h0, dtype=float)]
    for t in range(T):
        hs.append(np.tanh(X[:, t] @ W_xh.T + hs[-1] @ W_hh.T + b))
    G = np.asarray(dh_last, dtype=float)
    norms = [np.linalg.norm(G)]
    for t in range(T, 0, -1):
        G = (G * (1 - hs[t] ** 2)) @ W_hh
        norms.append(np.linalg.norm(G))
    return np.array(norms[::-1])
