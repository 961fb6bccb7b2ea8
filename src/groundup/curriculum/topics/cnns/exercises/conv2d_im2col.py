"""Exercise cnn.conv2d_im2col: a convolution as one matrix product, without Python loops.

Run `groundup lesson cnn.convolution` for the lesson, `groundup check cnn.conv2d_im2col` to
check. `for` and `while` are not allowed here: vectorise.
"""

import numpy as np
from numpy.typing import ArrayLike


def conv2d_im2col(x: ArrayLike, weight: ArrayLike, bias: ArrayLike | None = None,
                  stride: int | tuple[int, int] = 1,
                  padding: int | tuple[int, int] = 0) -> np.ndarray:
    r"""The convolution of ``conv2d_naive``, computed with im2col and one matrix product.

    .. math:: \underbrace{\text{out}_n}_{(C_\text{out},\, L)} =
              \underbrace{W_\text{flat}}_{(C_\text{out},\, C k_h k_w)}\;
              \underbrace{\text{cols}_n}_{(C k_h k_w,\, L)} + b

    with :math:`L = OH \cdot OW` output positions, then reshaped to (N, C_out, OH, OW).

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W)
    weight : array_like, shape (C_out, C_in, kh, kw)
    bias : array_like, shape (C_out,), optional
    stride, padding : int or (int, int)

    Returns
    -------
    ndarray, shape (N, C_out, OH, OW)

    Raises
    ------
    ValueError
        If the shapes do not fit together or the kernel is larger than the padded image.

    Examples
    --------
    >>> conv2d_im2col(np.ones((1, 2, 4, 4)), np.ones((3, 2, 3, 3)), padding=1).shape
    (1, 3, 4, 4)
    """
    # TODO: pad, windows with sliding_window_view, im2col by transpose + reshape, one `@`,
    # reshape back, add the bias per output channel.
    raise NotImplementedError
