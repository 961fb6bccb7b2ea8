# Wrong: reads (p_h, p_w) the wrong way round: p_w rows and p_h columns.
import numpy as np


def pad2d(x, padding):
    x = np.asarray(x, dtype=float)
    pw, ph = (padding, padding) if np.isscalar(padding) else padding
    if ph < 0 or pw < 0 or x.ndim < 2:
        raise ValueError("bad padding")
    out = np.zeros(x.shape[:-2] + (x.shape[-2] + 2 * ph, x.shape[-1] + 2 * pw))
    out[..., ph:ph + x.shape[-2], pw:pw + x.shape[-1]] = x
    return out
