"""Exercise optim.gradient_descent: walk downhill, one small step at a time.

Run `groundup lesson optim.gradient-descent` for the lesson, `groundup check
optim.gradient_descent` to check.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def gradient_descent(grad: Callable[[np.ndarray], np.ndarray], x0: ArrayLike, lr: float = 0.1,
                     num_iters: int = 100) -> np.ndarray:
    r"""Plain gradient descent from ``x0``; returns every point visited.

    .. math:: x_{k+1} = x_k - \eta \, \nabla f(x_k), \qquad k = 0, \dots, K - 1

    with learning rate :math:`\eta` = ``lr`` and :math:`K` = ``num_iters``.

    Parameters
    ----------
    grad : callable
        The gradient :math:`\nabla f`: takes an array of shape (n,), returns shape (n,).
    x0 : array_like, shape (n,)
        The starting point. Do not modify it.
    lr : float, default 0.1
        The learning rate, ``lr > 0``.
    num_iters : int, default 100
        The number of steps, ``>= 0``.

    Returns
    -------
    ndarray, shape (num_iters + 1, n)
        The path: row 0 is ``x0``, row ``k`` is :math:`x_k`.

    Raises
    ------
    ValueError
        If ``x0`` is not 1-D, ``lr <= 0`` or ``num_iters < 0``.

    Examples
    --------
    >>> gradient_descent(lambda x: 2 * x, [1.0], lr=0.25, num_iters=2)   # f(x) = x^2
    array([[1.  ],
           [0.5 ],
           [0.25]])
    """
    # TODO: validate the arguments, then store x0 and each of the num_iters points
    #       x = x - lr * grad(x) in a (num_iters + 1, n) array.
    raise NotImplementedError
