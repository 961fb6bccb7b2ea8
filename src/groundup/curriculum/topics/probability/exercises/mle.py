"""Exercise prob.mle: maximum-likelihood estimates for the Bernoulli and the Normal.

Run `groundup lesson prob.mle` for the lesson, `groundup check prob.mle` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def mle_bernoulli(x: ArrayLike) -> float:
    r"""Maximum-likelihood estimate of the success probability ``p`` from 0/1 data.

    With :math:`k = \sum_i x_i` ones among :math:`n` observations the log-likelihood is
    :math:`\ell(p) = k \log p + (n - k)\log(1 - p)`; setting :math:`\ell'(p) = 0` gives

    .. math:: \hat p = \frac{k}{n}

    Parameters
    ----------
    x : array_like, shape (n,)
        Each observation is 0 or 1; at least one.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``x`` is empty or holds a value other than 0 and 1.

    Examples
    --------
    >>> mle_bernoulli([1, 0, 1, 1])
    0.75
    """
    # TODO: validate the data, then return the fraction of ones.
    raise NotImplementedError


def mle_normal(x: ArrayLike) -> tuple[float, float]:
    r"""Maximum-likelihood estimates of a Normal's mean and variance.

    Maximising :math:`\ell(\mu, \sigma^2) = -\frac{n}{2}\log(2\pi\sigma^2)
    - \frac{1}{2\sigma^2}\sum_i (x_i - \mu)^2` gives

    .. math:: \hat\mu = \frac{1}{n}\sum_i x_i, \qquad
              \hat\sigma^2 = \frac{1}{n}\sum_i (x_i - \hat\mu)^2

    Parameters
    ----------
    x : array_like, shape (n,)
        At least one observation.

    Returns
    -------
    (mu_hat, sigma2_hat) : tuple of float
        The mean and the **variance** (divided by ``n``).

    Raises
    ------
    ValueError
        If ``x`` is empty.

    Examples
    --------
    >>> mle_normal([1.0, 2.0, 3.0, 6.0])
    (3.0, 3.5)
    """
    # TODO: compute mu_hat, then the mean squared deviation from it.
    raise NotImplementedError
