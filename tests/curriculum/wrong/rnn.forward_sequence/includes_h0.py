# Wrong: returns T + 1 states, h0 included (an off-by-one: the output starts at h_1).
import numpy as np


def rnn_forward(X, h0, W_xh, W_hh, b):
    X, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (X, W_xh, W_hh, b))
    if X.ndim != 3 or X.shape[1] == 0 or X.shape[2] != W_xh.shape[1]:
        raise ValueError("X must be (N, T, I) with T >= 1")
    N, T, _ = X.shape
    H = W_hh.shape[0]
    h = np.zeros((N, H)) if h0 is None else np.asarray(h0, dtype=float)
    if h.shape != (N, H):
        raise ValueError("h0 must be (N, H)")
    states = [h]
    for t in range(T):
        h = np.tanh(X[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)
