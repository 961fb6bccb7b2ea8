"""Exercise prob.normal_pdf: the density of the Normal distribution.

Run `groundup lesson prob.distributions` for the lesson, `groundup check prob.normal_pdf` to
check.
"""

import math

import numpy as np
from numpy.typing import ArrayLike


def normal_pdf(x: ArrayLike, mu: float = 0.0, sigma: float = 1.0) -> float | np.ndarray:
    r"""Density of the Normal distribution :math:`\mathcal N(\mu, \sigma^2)`.

    .. math:: f(x) = \frac{1}{\sigma\sqrt{2\pi}}
              \exp\left(-\frac{(x - \mu)^2}{2\sigma^2}\right)

    Parameters
    ----------
    x : float or array_like
    mu : float, default 0
        The mean (centre of the bell).
    sigma : float, default 1
        The standard deviation (width of the bell), ``sigma > 0``.

    Returns
    -------
    float, or ndarray with the shape of ``x``

    Raises
    ------
    ValueError
        If ``sigma <= 0``.

    Examples
    --------
    >>> round(normal_pdf(0.0), 6)
    0.398942
    """
    # TODO: validate sigma, standardise z = (x - mu) / sigma, apply the formula with np.exp.
    raise NotImplementedError
