"""Exercise cnn.pad: zero padding around images.

Run `groundup lesson cnn.convolution` for the lesson, `groundup check cnn.pad` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def pad2d(x: ArrayLike, padding: int | tuple[int, int]) -> np.ndarray:
    r"""Surround the last two axes of ``x`` with zeros (without ``np.pad``).

    .. math:: \text{out}[..., i + p_h, j + p_w] = x[..., i, j], \qquad 0 \text{ elsewhere}

    Parameters
    ----------
    x : array_like, shape (..., H, W)
        One image (H, W) or a batch (N, C, H, W): only the last two axes are padded.
    padding : int or (int, int)
        ``p`` or ``(p_h, p_w)``: ``p_h`` rows above *and* below, ``p_w`` columns left *and*
        right.

    Returns
    -------
    ndarray, shape (..., H + 2 p_h, W + 2 p_w), float

    Raises
    ------
    ValueError
        If ``x`` has fewer than 2 axes or a padding is negative.

    Examples
    --------
    >>> pad2d(np.ones((1, 2)), 1)
    array([[0., 0., 0., 0.],
           [0., 1., 1., 0.],
           [0., 0., 0., 0.]])
    """
    # TODO: np.zeros of the padded shape, then copy x into the middle with slices.
    raise NotImplementedError
