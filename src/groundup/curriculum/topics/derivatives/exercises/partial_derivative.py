"""Exercise calculus.partial_derivative: the slope along one coordinate axis.

Run `groundup lesson calculus.gradients` for the lesson, `groundup check
calculus.partial_derivative` to check.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def partial_derivative(f: Callable[[np.ndarray], float], x: ArrayLike, i: int,
                       h: float = 1e-5) -> float:
    r"""Central-difference estimate of the partial derivative :math:`\partial f / \partial x_i`.

    .. math::
        \frac{\partial f}{\partial x_i}(x) \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}

    where :math:`e_i` is the ``i``-th unit vector (1 in position ``i``, 0 elsewhere).

    Parameters
    ----------
    f : callable
        A function :math:`\mathbb{R}^n \to \mathbb{R}` taking an array of shape (n,).
    x : array_like, shape (n,)
        The point (a list or an array, possibly of integers). Do not modify it.
    i : int
        The coordinate, ``0 <= i < n``.
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``i`` is out of range or ``h <= 0``.

    Examples
    --------
    >>> partial_derivative(lambda v: v[0] * v[1] ** 2, [1.0, 2.0], 1)   # d/dy (x y^2) = 2xy
    4.0...
    """
    # TODO: convert x to a float array, validate i and h, then take a central difference
    #       along coordinate i only.
    raise NotImplementedError
