"""Exercise cnn.max_pool: max pooling, remembering where each maximum was.

Run `groundup lesson cnn.pooling` for the lesson, `groundup check cnn.max_pool` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def max_pool2d(x: ArrayLike, kernel_size: int | tuple[int, int],
               stride: int | tuple[int, int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    r"""The largest number of every window, and its position.

    .. math:: \text{out}[n, c, i, j] = \max_{u, v}\; x[n, c,\; i s_h + u,\; j s_w + v]

    Parameters
    ----------
    x : array_like, shape (N, C, H, W)
    kernel_size : int or (int, int)
    stride : int or (int, int), optional
        Defaults to ``kernel_size``: windows side by side, as PyTorch.

    Returns
    -------
    out : ndarray, shape (N, C, OH, OW)
    indices : int ndarray, shape (N, C, OH, OW)
        Where each maximum sits in its (H, W) plane, as ``h * W + w`` (PyTorch's
        ``return_indices``). A tie goes to the first maximum in reading order.

    Raises
    ------
    ValueError
        If ``x`` is not 4-D or the window is larger than the image.

    Examples
    --------
    >>> out, idx = max_pool2d(np.array([[[[1.0, 5, 2, 0], [3, 4, 8, 1]]]]), 2)
    >>> out, idx
    (array([[[[5., 8.]]]]), array([[[[1, 6]]]]))
    """
    # TODO: windows (sliding_window_view), flatten each to kh * kw numbers, argmax, then turn
    # the offset inside the window into the row and column in the image.
    raise NotImplementedError
