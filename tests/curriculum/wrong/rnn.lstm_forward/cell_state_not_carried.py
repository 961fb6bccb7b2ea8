# Wrong: carries h from step to step but restarts the cell state from c0 at every step.
import numpy as np


def _sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_forward(X, h0, c0, W_xh, W_hh, b):
    X, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (X, W_xh, W_hh, b))
    H = W_hh.shape[1]
    if X.ndim != 3 or X.shape[1] == 0 or X.shape[2] != W_xh.shape[1]:
        raise ValueError("X must be (N, T, I) with T >= 1")
    N, T, _ = X.shape
    h = np.zeros((N, H)) if h0 is None else np.asarray(h0, dtype=float)
    c0 = np.zeros((N, H)) if c0 is None else np.asarray(c0, dtype=float)
    out = np.empty((N, T, H))
    for t in range(T):
        z = X[:, t] @ W_xh.T + h @ W_hh.T + b
        i, f, o = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H]), _sigmoid(z[:, 3 * H:])
        c = f * c0 + i * np.tanh(z[:, 2 * H:3 * H])
        h = o * np.tanh(c)
        out[:, t] = h
    return out, h, c
