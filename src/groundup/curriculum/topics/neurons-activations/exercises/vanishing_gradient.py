"""Exercise act.vanishing_gradient: how large is the gradient at each layer of a deep chain?

Run `groundup lesson act.depth` for the lesson, `groundup check act.vanishing_gradient` to
check. The checks compare your numbers with ``torch.autograd`` on the same chain.
"""

import numpy as np
from numpy.typing import ArrayLike


def layer_gradient_norms(X: ArrayLike, weights: ArrayLike,
                         activation: str = "sigmoid") -> np.ndarray:
    r"""The norm of :math:`\partial L / \partial W_l` for every layer of a deep chain.

    The chain has no biases: :math:`H_0 = X`, :math:`Z_l = H_{l-1} W_l^\top`,
    :math:`H_l = f(Z_l)` for :math:`l = 1, \dots, L`, and the loss is the sum of the last
    layer's outputs, :math:`L = \sum_{i,j} (H_L)_{ij}`. Backpropagation from the top:

    .. math:: G_L = \frac{\partial L}{\partial H_L} = \mathbf 1, \qquad
              \Delta_l = G_l \odot f'(Z_l), \qquad
              \frac{\partial L}{\partial W_l} = \Delta_l^\top H_{l-1}, \qquad
              G_{l-1} = \Delta_l W_l

    Parameters
    ----------
    X : array_like, shape (n_samples, width)
    weights : array_like, shape (depth, width, width)
        ``weights[l - 1]`` is :math:`W_l`, shape (out, in).
    activation : {"sigmoid", "tanh", "relu"}
        ``f``; :math:`f'` is :math:`\sigma(1 - \sigma)`, :math:`1 - \tanh^2`, or 1 where
        :math:`z > 0` else 0.

    Returns
    -------
    ndarray, shape (depth,)
        :math:`\lVert \partial L / \partial W_l \rVert_F` (``np.linalg.norm`` of the matrix)
        for :math:`l = 1, \dots, L`: the first layer (next to ``X``) first.

    Raises
    ------
    ValueError
        For an unknown activation, ``weights`` not of shape (depth, width, width), or
        ``X.shape[1] != width``.

    Examples
    --------
    >>> X = np.ones((1, 2)); W = np.stack([np.eye(2)] * 3)
    >>> layer_gradient_norms(X, W, "relu")
    array([2., 2., 2.])
    """
    # TODO: forward pass keeping every H_{l-1} and Z_l, then the backward pass above.
    raise NotImplementedError
