"""Exercise calculus.jacobian: the matrix of all partial derivatives of a vector function.

Run `groundup lesson calculus.gradients` for the lesson, `groundup check calculus.jacobian`
to check.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


def jacobian(f: Callable[[np.ndarray], np.ndarray], x: ArrayLike, h: float = 1e-5) -> np.ndarray:
    r"""Central-difference estimate of the Jacobian of :math:`f: \mathbb{R}^n \to \mathbb{R}^m`.

    .. math::
        J_{ji} = \frac{\partial f_j}{\partial x_i}(x)
        \approx \frac{f_j(x + h e_i) - f_j(x - h e_i)}{2h}

    Row ``j`` is the gradient of output ``j``; column ``i`` says how every output moves when
    input ``i`` moves.

    Parameters
    ----------
    f : callable
        Takes an array of shape (n,), returns an array of shape (m,).
    x : array_like, shape (n,)
        The point. Do not modify it.
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    ndarray, shape (m, n)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or ``h <= 0``.

    Examples
    --------
    >>> jacobian(lambda v: np.array([v[0] * v[1], v[0] + v[1]]), [2.0, 3.0])
    array([[3., 2.],
           [1., 1.]])
    """
    # TODO: validate x and h; for each input i, the central difference of the whole output
    #       vector is column i of J.
    raise NotImplementedError
