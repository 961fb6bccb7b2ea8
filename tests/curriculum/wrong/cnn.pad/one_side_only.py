# Wrong: adds the padding after the image only (bottom and right), not on both sides.
import numpy as np


def pad2d(x, padding):
    x = np.asarray(x, dtype=float)
    ph, pw = (padding, padding) if np.isscalar(padding) else padding
    if ph < 0 or pw < 0 or x.ndim < 2:
        raise ValueError("bad padding")
    out = np.zeros(x.shape[:-2] + (x.shape[-2] + 2 * ph, x.shape[-1] + 2 * pw))
    out[..., :x.shape[-2], :x.shape[-1]] = x
    return out
