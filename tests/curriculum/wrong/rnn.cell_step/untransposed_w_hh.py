# Wrong: h @ W_hh instead of h @ W_hh.T (W_hh is stored (out, in), as PyTorch); the shapes
# still fit because W_hh is square, so only the numbers are wrong.
import numpy as np


def rnn_cell_step(x, h, W_xh, W_hh, b):
    x, h, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (x, h, W_xh, W_hh, b))
    H = W_hh.shape[0]
    if W_hh.shape != (H, H) or W_xh.shape[0] != H or b.shape != (H,) \
            or x.shape[1] != W_xh.shape[1] or h.shape != (x.shape[0], H):
        raise ValueError("shapes do not fit")
    return np.tanh(x @ W_xh.T + h @ W_hh + b)
