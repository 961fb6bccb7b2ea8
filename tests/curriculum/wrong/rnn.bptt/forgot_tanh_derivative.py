# Wrong: passes the gradient straight through tanh (forgets the factor 1 - h_t**2).
import numpy as np


def rnn_bptt(X, h0, W_xh, W_hh, b, dh_last):
    X, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (X, W_xh, W_hh, b))
    if X.ndim != 3 or X.shape[1] == 0:
        raise ValueError("X must be (N, T, I) with T >= 1")
    N, T, _ = X.shape
    H = W_hh.shape[0]
    G = np.asarray(dh_last, dtype=float)
    if G.shape != (N, H):
        raise ValueError("dh_last must be (N, H)")
    hs = [np.zeros((N, H)) if h0 is None else np.asarray(h0, dtype=float)]
    for t in range(T):
        hs.append(np.tanh(X[:, t] @ W_xh.T + hs[-1] @ W_hh.T + b))
    dW_xh, dW_hh, db = np.zeros_like(W_xh), np.zeros_like(W_hh), np.zeros_like(b)
    for t in range(T, 0, -1):
        A = G  # should be G * (1 - hs[t] ** 2)
        dW_xh += A.T @ X[:, t - 1]
        dW_hh += A.T @ hs[t - 1]
        db += A.sum(axis=0)
        G = A @ W_hh
    return dW_xh, dW_hh, db, G
