# Wrong: truncated to the last step: the weight gradients stop after one step back.
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
    A = G * (1 - hs[T] ** 2)
    dh0 = A @ W_hh
    for t in range(T - 1, 0, -1):
        dh0 = (dh0 * (1 - hs[t] ** 2)) @ W_hh
    return A.T @ X[:, T - 1], A.T @ hs[T - 1], A.sum(axis=0), dh0
