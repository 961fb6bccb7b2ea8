"""Exercise cnn.conv_backward: the gradients of a convolution.

Run `groundup lesson cnn.pooling` for the lesson, `groundup check cnn.conv_backward` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def conv2d_backward(x: ArrayLike, weight: ArrayLike, grad_out: ArrayLike,
                    stride: int | tuple[int, int] = 1, padding: int | tuple[int, int] = 0
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Given :math:`G = \partial L/\partial\, \text{out}`, the gradients of a convolution.

    With the columns :math:`X_n` of image :math:`n` (im2col, shape (C kh kw, L)) and
    :math:`G_n` of shape (C_out, L), the forward pass was :math:`\text{out}_n = W X_n + b`,
    so, as for any matrix product:

    .. math:: \frac{\partial L}{\partial W} = \sum_n G_n X_n^\top, \qquad
              \frac{\partial L}{\partial b} = \sum_{n, l} G_n[:, l], \qquad
              \frac{\partial L}{\partial X_n} = W^\top G_n

    and :math:`\partial L / \partial x` adds every column of :math:`W^\top G_n` back where
    its window came from (col2im): a pixel in several windows receives the sum.

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W)
    weight : array_like, shape (C_out, C_in, kh, kw)
    grad_out : array_like, shape (N, C_out, OH, OW)
    stride, padding : int or (int, int)

    Returns
    -------
    (grad_x, grad_weight, grad_bias)
        Shapes (N, C_in, H, W), (C_out, C_in, kh, kw) and (C_out,).

    Raises
    ------
    ValueError
        If ``grad_out`` does not have the output's shape.

    Examples
    --------
    >>> gx, gw, gb = conv2d_backward(np.ones((1, 1, 3, 3)), np.ones((1, 1, 2, 2)),
    ...                              np.ones((1, 1, 2, 2)))
    >>> gx[0, 0]
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]])
    """
    # TODO: loops over the output positions are fine: for each (i, j), the window of the
    # padded x adds G[:, :, i, j] x window to grad_weight, and weight x G[:, :, i, j] to the
    # window of the padded grad_x. Cut the padding off at the end.
    raise NotImplementedError
