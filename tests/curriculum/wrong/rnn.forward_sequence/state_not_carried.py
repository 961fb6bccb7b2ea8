# Wrong: every step starts again from h0 instead of the previous step's hidden state.
import numpy as np


def rnn_forward(X, h0, W_xh, W_hh, b):
    X, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (X, W_xh, W_hh, b))
    if X.ndim != 3 or X.shape[1] == 0 or X.shape[2] != W_xh.shape[1]:
        raise ValueError("X must be (N, T, I) with T >= 1")
    N, T, _ = X.shape
    H = W_hh.shape[0]
    h0 = np.zeros((N, H)) if h0 is None else np.asarray(h0, dtype=float)
    if h0.shape != (N, H):
        raise ValueError("h0 must be (N, H)")
    out = np.empty((N, T, H))
    for t in range(T):
        out[:, t] = np.tanh(X[:, t] @ W_xh.T + h0 @ W_hh.T + b)
    return out
