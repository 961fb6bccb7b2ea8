"""Exercise mlp.forward_backward: a 2-layer MLP's forward and backward pass, by hand.

Run `groundup lesson mlp.backprop` for the lesson, `groundup check mlp.forward_backward` to
check. The checks compare your gradients with ``torch.autograd`` on the same network.
"""

import numpy as np
from numpy.typing import ArrayLike


def mlp_forward_backward(X: ArrayLike, y: ArrayLike, W1: ArrayLike, b1: ArrayLike,
                         W2: ArrayLike, b2: ArrayLike) -> tuple[float, np.ndarray, np.ndarray,
                                                               np.ndarray, np.ndarray]:
    r"""The loss of ``Linear -> ReLU -> Linear -> softmax cross-entropy`` and the gradient of
    every parameter.

    Forward:

    .. math:: Z_1 = X W_1^\top + b_1, \quad H = \operatorname{relu}(Z_1), \quad
              Z_2 = H W_2^\top + b_2, \quad L = \frac1n\sum_i -\log\operatorname{softmax}
              (Z_2)_{i, y_i}

    Backward (:math:`n` samples, :math:`Y` one-hot labels):

    .. math:: \Delta_2 = \tfrac1n(\operatorname{softmax}(Z_2) - Y), \quad
              \nabla W_2 = \Delta_2^\top H, \quad \nabla b_2 = \textstyle\sum_i \Delta_{2,i}

    .. math:: \Delta_1 = (\Delta_2 W_2) \odot [Z_1 > 0], \quad
              \nabla W_1 = \Delta_1^\top X, \quad \nabla b_1 = \textstyle\sum_i \Delta_{1,i}

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    y : array_like of ints, shape (n_samples,)
    W1 : array_like, shape (n_hidden, n_in);  b1 : shape (n_hidden,)
    W2 : array_like, shape (n_classes, n_hidden);  b2 : shape (n_classes,)

    Returns
    -------
    (loss, dW1, db1, dW2, db2)
        A float, then one array per parameter, each with its parameter's shape.

    Raises
    ------
    ValueError
        If the shapes do not fit together (``W2.shape[1] != W1.shape[0]``, ...) or a label is
        out of range.
    """
    # TODO: forward (keep Z1 and H), a stable softmax cross-entropy, then backward.
    raise NotImplementedError
