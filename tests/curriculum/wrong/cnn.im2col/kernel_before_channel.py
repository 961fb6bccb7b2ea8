# Wrong: orders each column's rows kernel position first, channel last (u, v, c) instead of
# unfold's (c, u, v); the same numbers in another order.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def im2col(x, kernel_size, stride=1, padding=0):
    x = np.asarray(x, dtype=float)
    kh, kw = (kernel_size, kernel_size) if np.isscalar(kernel_size) else kernel_size
    sh, sw = (stride, stride) if np.isscalar(stride) else stride
    ph, pw = (padding, padding) if np.isscalar(padding) else padding
    if x.ndim != 4 or kh > x.shape[2] + 2 * ph or kw > x.shape[3] + 2 * pw:
        raise ValueError("bad input")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    n, c, oh, ow = win.shape[:4]
    return win.transpose(0, 4, 5, 1, 2, 3).reshape(n, c * kh * kw, oh * ow)
