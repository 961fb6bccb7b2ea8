"""Exercise mlp.dense_forward: a dense (fully connected) layer.

Run `groundup lesson mlp.backprop` for the lesson, `groundup check mlp.dense_forward` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def dense_forward(X: ArrayLike, W: ArrayLike, b: ArrayLike | None = None) -> np.ndarray:
    r"""Every output of a dense layer for every sample, with PyTorch's weight layout.

    .. math:: Y = X W^\top + b, \qquad Y_{no} = \sum_i X_{ni} W_{oi} + b_o

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    W : array_like, shape (n_out, n_in)
        Row ``o`` holds the weights of output ``o`` (as ``torch.nn.Linear.weight``).
    b : array_like, shape (n_out,), optional
        No bias when None.

    Returns
    -------
    ndarray, shape (n_samples, n_out)

    Raises
    ------
    ValueError
        If ``X`` or ``W`` is not 2-D, ``X.shape[1] != W.shape[1]``, or ``b`` is given with a
        shape other than ``(n_out,)`` (a bias of shape (1,) would broadcast silently).

    Examples
    --------
    >>> dense_forward(np.array([[1.0, 2.0]]), np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
    ...               np.array([0.0, 0.0, 0.5]))
    array([[1. , 2. , 3.5]])
    """
    # TODO: validate the shapes, then one matrix product and the bias.
    raise NotImplementedError
