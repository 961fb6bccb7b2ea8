"""Exercise prob.normal_cdf: the cumulative distribution function of the Normal.

Run `groundup lesson prob.distributions` for the lesson, `groundup check prob.normal_cdf` to
check.
"""

import math

import numpy as np
from numpy.typing import ArrayLike


def normal_cdf(x: ArrayLike, mu: float = 0.0, sigma: float = 1.0) -> float | np.ndarray:
    r"""CDF of the Normal distribution :math:`\mathcal N(\mu, \sigma^2)`.

    .. math:: \Phi(x) = P(X \le x)
              = \frac{1}{2}\left(1 + \operatorname{erf}\frac{x - \mu}{\sigma\sqrt 2}\right)
              = \frac{1}{2}\operatorname{erfc}\left(-\frac{x - \mu}{\sigma\sqrt 2}\right)

    ``math.erf`` and ``math.erfc`` (``erfc = 1 - erf``) take one number at a time. In the far
    left tail ``1 + erf(z)`` is a difference of two numbers close to 1 and loses every
    digit; the ``erfc`` form keeps full precision.

    Parameters
    ----------
    x : float or array_like
    mu : float, default 0
    sigma : float, default 1, ``sigma > 0``

    Returns
    -------
    float, or ndarray with the shape of ``x``

    Raises
    ------
    ValueError
        If ``sigma <= 0``.

    Examples
    --------
    >>> normal_cdf(0.0)
    0.5
    >>> round(normal_cdf(1.96), 4)
    0.975
    """
    # TODO: validate sigma, standardise, apply erfc to every element (np.vectorize or a loop).
    raise NotImplementedError
