"""Exercise calculus.gradient: every partial derivative at once.

Run `groundup lesson calculus.gradients` for the lesson, `groundup check calculus.gradient`
to check.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def gradient(f: Callable[[np.ndarray], float], x: ArrayLike, h: float = 1e-5) -> np.ndarray:
    r"""Central-difference estimate of the gradient :math:`\nabla f(x)`.

    .. math::
        \nabla f(x) = \left(\frac{\partial f}{\partial x_1}, \dots,
        \frac{\partial f}{\partial x_n}\right), \qquad
        \frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}

    Parameters
    ----------
    f : callable
        A function :math:`\mathbb{R}^n \to \mathbb{R}` taking an array of shape (n,).
    x : array_like, shape (n,)
        The point. Do not modify it.
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or ``h <= 0``.

    Examples
    --------
    >>> gradient(lambda v: v[0] * v[1] ** 2, [1.0, 2.0])   # (y^2, 2xy)
    array([4., 4.])
    """
    # TODO: validate x and h; for each coordinate i, fill entry i with a central difference
    #       along the unit vector e_i.
    raise NotImplementedError
