"""Exercise cnn.max_pool_backward: the gradient of max pooling.

Run `groundup lesson cnn.pooling` for the lesson, `groundup check cnn.max_pool_backward` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def max_pool2d_backward(grad_out: ArrayLike, indices: ArrayLike,
                        input_shape: tuple[int, int, int, int]) -> np.ndarray:
    r"""Send each output's gradient back to the input position of its maximum.

    Only the maximum influenced the output, so only it gets a gradient; an input that is the
    maximum of several (overlapping) windows receives the sum:

    .. math:: \frac{\partial L}{\partial x[n, c, h, w]} =
              \sum_{(i, j):\ \text{indices}[n, c, i, j] = h W + w} G[n, c, i, j]

    Parameters
    ----------
    grad_out : array_like, shape (N, C, OH, OW)
        :math:`G = \partial L / \partial\, \text{out}`.
    indices : int array_like, shape (N, C, OH, OW)
        From ``max_pool2d``: ``h * W + w`` in each (H, W) plane.
    input_shape : (N, C, H, W)

    Returns
    -------
    ndarray, shape ``input_shape``

    Raises
    ------
    ValueError
        If ``grad_out`` and ``indices`` differ in shape, or an index is outside ``[0, H * W)``.

    Examples
    --------
    >>> max_pool2d_backward(np.array([[[[1.0, 2.0]]]]), np.array([[[[1, 6]]]]), (1, 1, 2, 4))
    array([[[[0., 1., 0., 0.],
             [0., 0., 2., 0.]]]])
    """
    # TODO: zeros of shape (N, C, H * W); np.add.at at the indices (add, do not assign);
    # reshape to input_shape.
    raise NotImplementedError
