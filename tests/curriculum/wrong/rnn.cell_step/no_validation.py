# Wrong: no shape checks; a bias of the wrong length broadcasts silently instead of raising.
import numpy as np


def rnn_cell_step(x, h, W_xh, W_hh, b):
    x, h, W_xh, W_hh, b = (np.asarray(a, dtype=float) for a in (x, h, W_xh, W_hh, b))
    return np.tanh(x @ W_xh.T + h @ W_hh.T + b[..., :1])
