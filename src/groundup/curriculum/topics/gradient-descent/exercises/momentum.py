"""Exercise optim.momentum: a heavy ball rolling downhill.

Run `groundup lesson optim.gradient-descent` for the lesson, `groundup check optim.momentum`
to check.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def momentum(grad: Callable[[np.ndarray], np.ndarray], x0: ArrayLike, lr: float = 0.01,
             beta: float = 0.9, num_iters: int = 100) -> np.ndarray:
    r"""Gradient descent with heavy-ball momentum; returns every point visited.

    .. math::
        v_0 = 0, \qquad v_{k+1} = \beta v_k + \nabla f(x_k), \qquad
        x_{k+1} = x_k - \eta \, v_{k+1}

    (PyTorch's ``SGD(momentum=beta)`` convention: no ``(1 - beta)`` factor.)

    Parameters
    ----------
    grad : callable
        The gradient :math:`\nabla f`: takes an array of shape (n,), returns shape (n,).
    x0 : array_like, shape (n,)
        The starting point. Do not modify it.
    lr : float, default 0.01
        The learning rate :math:`\eta > 0`.
    beta : float, default 0.9
        The momentum coefficient, ``0 <= beta < 1``.
    num_iters : int, default 100
        The number of steps, ``>= 0``.

    Returns
    -------
    ndarray, shape (num_iters + 1, n)

    Raises
    ------
    ValueError
        If ``x0`` is not 1-D, ``lr <= 0``, ``beta`` is outside ``[0, 1)`` or ``num_iters < 0``.

    Examples
    --------
    >>> momentum(lambda x: 2 * x, [1.0], lr=0.25, beta=0.5, num_iters=2)
    array([[1. ],
           [0.5],
           [0. ]])
    """
    # TODO: validate the arguments; start with v = 0; each step update v, then x; store
    #       every x in a (num_iters + 1, n) array.
    raise NotImplementedError
