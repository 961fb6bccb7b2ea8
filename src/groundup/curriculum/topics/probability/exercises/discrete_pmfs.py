"""Exercise prob.discrete_pmfs: the Bernoulli, binomial and Poisson distributions.

Run `groundup lesson prob.distributions` for the lesson, `groundup check prob.discrete_pmfs` to
check.

Each function works on one ``k`` (returns a float) or on an array of ``k`` (returns an array of
the same shape).
"""

import math

import numpy as np
from numpy.typing import ArrayLike


def bernoulli_pmf(k: ArrayLike, p: float) -> float | np.ndarray:
    r"""Bernoulli PMF: one trial that succeeds (``k = 1``) with probability ``p``.

    .. math:: P(K = k) = p^k (1 - p)^{1 - k}, \quad k \in \{0, 1\}

    Parameters
    ----------
    k : int or array_like of ints, each >= 0 (values above 1 have probability 0)
    p : float in [0, 1]

    Returns
    -------
    float, or ndarray with the shape of ``k``

    Raises
    ------
    ValueError
        If ``p`` is outside [0, 1], or a ``k`` is negative or not a whole number.

    Examples
    --------
    >>> bernoulli_pmf([0, 1], 0.3)
    array([0.7, 0.3])
    """
    # TODO: validate p and k, then return p where k == 1 and 1 - p where k == 0.
    raise NotImplementedError


def binomial_pmf(k: ArrayLike, n: int, p: float) -> float | np.ndarray:
    r"""Binomial PMF: the probability of ``k`` successes in ``n`` independent trials.

    .. math:: P(K = k) = \binom{n}{k} p^k (1 - p)^{n - k}, \quad k = 0, \dots, n

    (``k > n`` has probability 0). For large ``n`` work with logarithms:
    :math:`\log \binom{n}{k} = \log\Gamma(n+1) - \log\Gamma(k+1) - \log\Gamma(n-k+1)`.

    Parameters
    ----------
    k : int or array_like of ints, each >= 0
    n : int, >= 0
    p : float in [0, 1] (``p = 0`` and ``p = 1`` must work)

    Returns
    -------
    float, or ndarray with the shape of ``k``

    Raises
    ------
    ValueError
        If ``p`` is outside [0, 1], or ``k`` or ``n`` is negative or not a whole number.

    Examples
    --------
    >>> round(binomial_pmf(1, 2, 0.5), 6)
    0.5
    """
    # TODO: validate, then compute comb(n, k) p^k (1-p)^(n-k) for every k (math.lgamma helps).
    raise NotImplementedError


def poisson_pmf(k: ArrayLike, lam: float) -> float | np.ndarray:
    r"""Poisson PMF: counts of independent rare events that happen ``lam`` times on average.

    .. math:: P(K = k) = \frac{\lambda^k e^{-\lambda}}{k!}, \quad k = 0, 1, 2, \dots

    Parameters
    ----------
    k : int or array_like of ints, each >= 0
    lam : float, >= 0 (``lam = 0`` means the count is always 0)

    Returns
    -------
    float, or ndarray with the shape of ``k``

    Raises
    ------
    ValueError
        If ``lam < 0``, or a ``k`` is negative or not a whole number.

    Examples
    --------
    >>> round(poisson_pmf(0, 2.0), 6)
    0.135335
    """
    # TODO: validate, then compute exp(k log(lam) - lam - log(k!)) for every k.
    raise NotImplementedError
