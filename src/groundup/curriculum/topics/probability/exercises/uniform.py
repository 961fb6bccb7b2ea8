"""Exercise prob.uniform: the continuous uniform distribution's PDF and CDF.

Run `groundup lesson prob.distributions` for the lesson, `groundup check prob.uniform` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def uniform_pdf(x: ArrayLike, a: float = 0.0, b: float = 1.0) -> float | np.ndarray:
    r"""Density of the uniform distribution on :math:`[a, b]` (both ends included).

    .. math:: f(x) = \begin{cases} \frac{1}{b - a} & a \le x \le b \\ 0 & \text{otherwise}
              \end{cases}

    Parameters
    ----------
    x : float or array_like
    a, b : float, with ``a < b``

    Returns
    -------
    float, or ndarray with the shape of ``x``

    Raises
    ------
    ValueError
        If ``a >= b``.

    Examples
    --------
    >>> uniform_pdf([-1.0, 0.5, 3.0], 0.0, 2.0)
    array([0. , 0.5, 0. ])
    """
    # TODO: validate a < b; 1 / (b - a) where a <= x <= b, else 0 (np.where).
    raise NotImplementedError


def uniform_cdf(x: ArrayLike, a: float = 0.0, b: float = 1.0) -> float | np.ndarray:
    r"""Cumulative distribution function of the uniform distribution on :math:`[a, b]`.

    .. math:: F(x) = P(X \le x) = \min\left(1, \max\left(0, \frac{x - a}{b - a}\right)\right)

    Parameters
    ----------
    x : float or array_like
    a, b : float, with ``a < b``

    Returns
    -------
    float, or ndarray with the shape of ``x``

    Raises
    ------
    ValueError
        If ``a >= b``.

    Examples
    --------
    >>> uniform_cdf(0.5, 0.0, 2.0)
    0.25
    """
    # TODO: validate a < b; (x - a) / (b - a), clipped to [0, 1].
    raise NotImplementedError
