"""Exercise cnn.im2col: every window as a column, as torch.nn.functional.unfold.

Run `groundup lesson cnn.convolution` for the lesson, `groundup check cnn.im2col` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def im2col(x: ArrayLike, kernel_size: int | tuple[int, int], stride: int | tuple[int, int] = 1,
           padding: int | tuple[int, int] = 0) -> np.ndarray:
    r"""Copy every window of every image into one column of a matrix.

    For image :math:`n`, column :math:`l = i \cdot OW + j` holds the window of output position
    :math:`(i, j)`; its rows are ordered channel first, then kernel row, then kernel column:

    .. math:: \text{cols}[n,\; c\, k_h k_w + u\, k_w + v,\; i \cdot OW + j]
              = x_\text{pad}[n, c,\; i s_h + u,\; j s_w + v]

    (the layout of ``torch.nn.functional.unfold``). A convolution is then one matrix product:
    ``weight.reshape(C_out, -1) @ cols``.

    Parameters
    ----------
    x : array_like, shape (N, C, H, W)
    kernel_size, stride, padding : int or (int, int)

    Returns
    -------
    ndarray, shape (N, C * kh * kw, OH * OW)

    Raises
    ------
    ValueError
        If ``x`` is not 4-D or the window is larger than the padded image.

    Examples
    --------
    >>> im2col(np.arange(9.0).reshape(1, 1, 3, 3), 2)[0]
    array([[0., 1., 3., 4.],
           [1., 2., 4., 5.],
           [3., 4., 6., 7.],
           [4., 5., 7., 8.]])
    """
    # TODO: pad; np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3)) gives
    # (N, C, OH', OW', kh, kw) windows; keep every s-th; transpose and reshape.
    raise NotImplementedError
