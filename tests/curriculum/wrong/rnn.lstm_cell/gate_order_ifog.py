# Wrong: reads the gates in the order i, f, o, g (as some texts stack them), not PyTorch's
# i, f, g, o.
import numpy as np


def _sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_cell(x, h, c, W_xh, W_hh, b):
    x, h, c, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (x, h, c, W_xh, W_hh, b))
    H = W_hh.shape[1]
    if W_hh.shape != (4 * H, H) or W_xh.shape[0] != 4 * H or b.shape != (4 * H,) \
            or x.shape[1] != W_xh.shape[1] or h.shape != (x.shape[0], H) or c.shape != h.shape:
        raise ValueError("shapes do not fit")
    z = x @ W_xh.T + h @ W_hh.T + b
    i, f, o = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H]), _sigmoid(z[:, 2 * H:3 * H])
    g = np.tanh(z[:, 3 * H:])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new
