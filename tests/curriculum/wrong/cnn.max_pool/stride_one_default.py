# Wrong: the stride defaults to 1 (overlapping windows) instead of the kernel size.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def max_pool2d(x, kernel_size, stride=None):
    x = np.asarray(x, float)
    kh, kw = (kernel_size, kernel_size) if np.isscalar(kernel_size) else kernel_size
    sh, sw = (1, 1) if stride is None else ((stride, stride) if np.isscalar(stride) else stride)
    if x.ndim != 4 or kh > x.shape[2] or kw > x.shape[3]:
        raise ValueError("bad input")
    win = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    flat = win.reshape(win.shape[:4] + (kh * kw,))
    a = flat.argmax(-1)
    oh, ow = a.shape[2:]
    rows = np.arange(oh)[:, None] * sh + a // kw
    cols = np.arange(ow)[None, :] * sw + a % kw
    return flat.max(-1), rows * x.shape[3] + cols
