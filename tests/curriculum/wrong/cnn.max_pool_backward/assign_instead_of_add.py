# Wrong: assigns the gradient at the indices (dx[idx] = g) instead of adding: an input that is
# the maximum of several overlapping windows keeps only one of their gradients.
import numpy as np


def max_pool2d_backward(grad_out, indices, input_shape):
    g, idx = np.asarray(grad_out, float), np.asarray(indices)
    n, c, h, w = input_shape
    if g.shape != idx.shape or idx.min() < 0 or idx.max() >= h * w:
        raise ValueError("bad input")
    dx = np.zeros((n, c, h * w))
    nn, cc = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    dx[nn[..., None, None], cc[..., None, None], idx] = g
    return dx.reshape(n, c, h, w)
