# Wrong: squashes with the sigmoid instead of tanh (the hidden state must be in (-1, 1)).
import numpy as np


def rnn_cell_step(x, h, W_xh, W_hh, b):
    x, h, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (x, h, W_xh, W_hh, b))
    H = W_hh.shape[0]
    if W_hh.shape != (H, H) or W_xh.shape[0] != H or b.shape != (H,) \
            or x.shape[1] != W_xh.shape[1] or h.shape != (x.shape[0], H):
        raise ValueError("shapes do not fit")
    return 1 / (1 + np.exp(-(x @ W_xh.T + h @ W_hh.T + b)))
