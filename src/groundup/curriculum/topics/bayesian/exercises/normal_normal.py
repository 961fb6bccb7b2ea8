"""Exercise bayes.normal_normal: the posterior of a Normal mean with known noise.

Run `groundup lesson bayes.updating` for the lesson, `groundup check bayes.normal_normal` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def normal_normal_update(mu0: float, tau0: float, sigma: float,
                         data: ArrayLike) -> tuple[float, float]:
    r"""Posterior mean and standard deviation of :math:`\mu` after observing ``data``.

    Prior :math:`\mu \sim \mathcal N(\mu_0, \tau_0^2)`; each observation
    :math:`x_i \mid \mu \sim \mathcal N(\mu, \sigma^2)` with :math:`\sigma` known. Precisions
    (one over variances) add, and the posterior mean is a precision-weighted average:

    .. math:: \frac{1}{\tau_n^2} = \frac{1}{\tau_0^2} + \frac{n}{\sigma^2}, \qquad
              \mu_n = \tau_n^2 \left(\frac{\mu_0}{\tau_0^2} + \frac{\sum_i x_i}{\sigma^2}\right)

    Parameters
    ----------
    mu0 : float
        Prior mean.
    tau0 : float, > 0
        Prior standard deviation.
    sigma : float, > 0
        Standard deviation of the noise on each observation.
    data : array_like, shape (n,)
        The observations (``n = 0`` gives back the prior).

    Returns
    -------
    (mu_n, tau_n) : tuple of float
        The posterior mean and the posterior **standard deviation**.

    Raises
    ------
    ValueError
        If ``tau0 <= 0`` or ``sigma <= 0``.

    Examples
    --------
    >>> normal_normal_update(0.0, 1.0, 1.0, [2.0])
    (1.0, 0.7071067811865476)
    """
    # TODO: validate; add the precisions; weight the prior mean and the data sum.
    raise NotImplementedError
