# Wrong: a tie goes to the last maximum of the window (>= while scanning), not the first as in
# PyTorch.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def max_pool2d(x, kernel_size, stride=None):
    x = np.asarray(x, float)
    kh, kw = (kernel_size, kernel_size) if np.isscalar(kernel_size) else kernel_size
    sh, sw = (kh, kw) if stride is None else ((stride, stride) if np.isscalar(stride) else stride)
    if x.ndim != 4 or kh > x.shape[2] or kw > x.shape[3]:
        raise ValueError("bad input")
    win = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    flat = win.reshape(win.shape[:4] + (kh * kw,))
    a = kh * kw - 1 - flat[..., ::-1].argmax(-1)
    oh, ow = a.shape[2:]
    rows = np.arange(oh)[:, None] * sh + a // kw
    cols = np.arange(ow)[None, :] * sw + a % kw
    return flat.max(-1), rows * x.shape[3] + cols
