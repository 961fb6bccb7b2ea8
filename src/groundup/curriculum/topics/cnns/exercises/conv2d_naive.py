"""Exercise cnn.conv2d_naive: convolution by hand, one channel and then many.

Run `groundup lesson cnn.convolution` for the lesson, `groundup check cnn.conv2d_naive` to check.
Loops are fine here: write it the obvious way first.
"""

import numpy as np
from numpy.typing import ArrayLike


def correlate2d(image: ArrayLike, kernel: ArrayLike) -> np.ndarray:
    r"""Slide one kernel over one grey image ("valid" positions only, stride 1).

    .. math:: \text{out}[i, j] = \sum_{u=0}^{k_h-1} \sum_{v=0}^{k_w-1} K[u, v]\; I[i + u, j + v]

    This is what deep learning calls a convolution (strictly a cross-correlation: the kernel
    is not flipped).

    Parameters
    ----------
    image : array_like, shape (H, W)
    kernel : array_like, shape (kh, kw)

    Returns
    -------
    ndarray, shape (H - kh + 1, W - kw + 1)

    Raises
    ------
    ValueError
        If either is not 2-D, or the kernel is larger than the image.

    Examples
    --------
    >>> correlate2d(np.arange(9.0).reshape(3, 3), np.ones((2, 2)))
    array([[ 8., 12.],
           [20., 24.]])
    """
    # TODO: two loops over the output positions; each is (kernel * window).sum().
    raise NotImplementedError


def conv2d_naive(x: ArrayLike, weight: ArrayLike, bias: ArrayLike | None = None,
                 stride: int | tuple[int, int] = 1,
                 padding: int | tuple[int, int] = 0) -> np.ndarray:
    r"""A batch of multi-channel images convolved with a bank of filters.

    .. math:: \text{out}[n, o, i, j] = b_o + \sum_{c} \sum_{u, v} W[o, c, u, v]\;
              x_\text{pad}[n, c,\; i s_h + u,\; j s_w + v]

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W)
    weight : array_like, shape (C_out, C_in, kh, kw)
    bias : array_like, shape (C_out,), optional
    stride, padding : int or (int, int)
        The same for both axes, or ``(rows, columns)``. Padding adds zeros on both sides.

    Returns
    -------
    ndarray, shape (N, C_out, OH, OW)
        ``OH = (H + 2 p_h - kh) // s_h + 1``, the same for ``OW``.

    Raises
    ------
    ValueError
        If ``x`` or ``weight`` is not 4-D, the channels differ (``weight.shape[1] !=
        x.shape[1]``), or the kernel is larger than the padded image.

    Examples
    --------
    >>> conv2d_naive(np.ones((1, 2, 4, 4)), np.ones((3, 2, 3, 3))).shape
    (1, 3, 2, 2)
    """
    # TODO: pad x (np.pad), then loop over n, o, i, j and sum weight[o] * window over c, u, v.
    raise NotImplementedError
