"""Bayesian statistics from scratch: Bayes' theorem and conjugate updating.

Phase 1 of the course. A model's belief about an unknown quantity is a probability
distribution; data turns the prior into a posterior. Every function here is what a learner
writes in an exercise, and each is tested against ``scipy.stats``
(``tests/reference/test_bayes.py``).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import betainc


def _probability(value: float, name: str) -> float:
    value = float(value)
    if not 0.0 <= value <= 1.0:  # also rejects NaN
        raise ValueError(f"{name} must be a probability in [0, 1], got {value}")
    return value


def _positive(value: float, name: str) -> float:
    value = float(value)
    if not (value > 0 and math.isfinite(value)):
        raise ValueError(f"{name} must be a positive number, got {value}")
    return value


def bayes_posterior(prior: float, sensitivity: float, false_positive_rate: float) -> float:
    r"""Probability of having the disease given a positive test, by Bayes' theorem.

    .. math:: P(D \mid +) = \frac{P(+ \mid D)\,P(D)}{P(+ \mid D)\,P(D)
              + P(+ \mid \neg D)\,(1 - P(D))}

    Parameters
    ----------
    prior : float in [0, 1]
        :math:`P(D)`, how common the disease is (the base rate).
    sensitivity : float in [0, 1]
        :math:`P(+ \mid D)`, the true-positive rate.
    false_positive_rate : float in [0, 1]
        :math:`P(+ \mid \neg D)`, one minus the specificity.

    Returns
    -------
    float
        :math:`P(D \mid +)`.

    Raises
    ------
    ValueError
        If an argument is not a probability, or a positive test is impossible
        (:math:`P(+) = 0`), so that conditioning on it is undefined.

    Examples
    --------
    >>> round(bayes_posterior(0.01, 0.9, 0.05), 4)  # a rare disease, a good test
    0.1538
    """
    prior = _probability(prior, "prior")
    sensitivity = _probability(sensitivity, "sensitivity")
    false_positive_rate = _probability(false_positive_rate, "false_positive_rate")
    true_positive = sensitivity * prior  # P(+, D)
    false_positive = false_positive_rate * (1.0 - prior)  # P(+, not D)
    evidence = true_positive + false_positive  # P(+)
    if evidence == 0:
        raise ValueError("a positive test has probability 0 here, so P(D | +) is undefined")
    return true_positive / evidence


def beta_binomial_update(alpha: float, beta: float, successes: int,
                         failures: int) -> tuple[float, float]:
    r"""Posterior of a Beta prior on a coin's bias after observing coin flips.

    With prior :math:`\theta \sim \mathrm{Beta}(\alpha, \beta)` and :math:`s` successes and
    :math:`f` failures, the posterior is proportional to
    :math:`\theta^{\alpha-1}(1-\theta)^{\beta-1} \cdot \theta^s (1-\theta)^f`, so

    .. math:: \theta \mid \text{data} \sim \mathrm{Beta}(\alpha + s, \beta + f)

    Parameters
    ----------
    alpha, beta : float, both > 0
        The prior's parameters (``1, 1`` is the flat prior).
    successes, failures : int, both >= 0

    Returns
    -------
    (alpha_post, beta_post) : tuple of float

    Raises
    ------
    ValueError
        If ``alpha`` or ``beta`` is not positive, or a count is negative or not whole.

    Examples
    --------
    >>> beta_binomial_update(1, 1, 7, 3)
    (8.0, 4.0)
    """
    alpha, beta = _positive(alpha, "alpha"), _positive(beta, "beta")
    for name, count in (("successes", successes), ("failures", failures)):
        if not (float(count) >= 0 and float(count) == round(float(count))):
            raise ValueError(f"{name} must be a non-negative whole number, got {count!r}")
    return alpha + float(successes), beta + float(failures)


def beta_posterior_mean(alpha: float, beta: float) -> float:
    r"""Mean of a :math:`\mathrm{Beta}(\alpha, \beta)` distribution.

    .. math:: E[\theta] = \frac{\alpha}{\alpha + \beta}

    Parameters
    ----------
    alpha, beta : float, both > 0

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``alpha`` or ``beta`` is not positive.

    Examples
    --------
    >>> beta_posterior_mean(8, 4)
    0.6666666666666666
    """
    alpha, beta = _positive(alpha, "alpha"), _positive(beta, "beta")
    return alpha / (alpha + beta)


def beta_cdf(x: float, alpha: float, beta: float) -> float:
    r"""CDF of :math:`\mathrm{Beta}(\alpha, \beta)`: the regularised incomplete beta function.

    .. math:: F(x) = \frac{1}{B(\alpha, \beta)} \int_0^x t^{\alpha-1}(1-t)^{\beta-1}\,dt

    This one special function is taken from ``scipy.special.betainc`` (a numerically careful
    continued fraction); everything built on it here is from scratch.

    Parameters
    ----------
    x : float in [0, 1]
    alpha, beta : float, both > 0

    Returns
    -------
    float

    Examples
    --------
    >>> beta_cdf(0.5, 2, 2)
    0.5
    """
    alpha, beta = _positive(alpha, "alpha"), _positive(beta, "beta")
    return float(betainc(alpha, beta, min(max(float(x), 0.0), 1.0)))


def beta_quantile(q: float, alpha: float, beta: float, tol: float = 1e-13) -> float:
    r"""Quantile of :math:`\mathrm{Beta}(\alpha, \beta)` by bisection on its CDF.

    The CDF increases from 0 to 1 on [0, 1], so halving the bracket ``[lo, hi]`` around
    :math:`F(x) = q` converges to :math:`F^{-1}(q)` (one bit per step).

    Parameters
    ----------
    q : float in [0, 1]
    alpha, beta : float, both > 0
    tol : float
        Stop when the bracket is shorter than this.

    Returns
    -------
    float

    Examples
    --------
    >>> round(beta_quantile(0.5, 2, 2), 10)
    0.5
    """
    q = _probability(q, "q")
    lo, hi = 0.0, 1.0
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        if beta_cdf(mid, alpha, beta) < q:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def beta_credible_interval(alpha: float, beta: float,
                           level: float = 0.95) -> tuple[float, float]:
    r"""Equal-tailed credible interval of :math:`\mathrm{Beta}(\alpha, \beta)`.

    The interval leaves probability :math:`(1 - \text{level})/2` in each tail:

    .. math:: \left[F^{-1}\!\left(\tfrac{1-\text{level}}{2}\right),\;
              F^{-1}\!\left(\tfrac{1+\text{level}}{2}\right)\right]

    The quantiles come from :func:`beta_quantile` (bisection on ``scipy.special.betainc``).

    Parameters
    ----------
    alpha, beta : float, both > 0
    level : float in (0, 1), default 0.95

    Returns
    -------
    (lower, upper) : tuple of float

    Raises
    ------
    ValueError
        If ``alpha`` or ``beta`` is not positive, or ``level`` is not in (0, 1).

    Examples
    --------
    >>> lo, hi = beta_credible_interval(8, 4)
    >>> round(lo, 3), round(hi, 3)
    (0.39, 0.891)
    """
    alpha, beta = _positive(alpha, "alpha"), _positive(beta, "beta")
    level = float(level)
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
    tail = (1.0 - level) / 2.0
    return beta_quantile(tail, alpha, beta), beta_quantile(1.0 - tail, alpha, beta)


def normal_normal_update(mu0: float, tau0: float, sigma: float,
                         data: ArrayLike) -> tuple[float, float]:
    r"""Posterior of a Normal mean with known noise, after observing ``data``.

    Prior :math:`\mu \sim \mathcal N(\mu_0, \tau_0^2)`, observations
    :math:`x_i \mid \mu \sim \mathcal N(\mu, \sigma^2)`. Precisions (inverse variances) add,
    and the posterior mean is the precision-weighted average of prior mean and data:

    .. math:: \frac{1}{\tau_n^2} = \frac{1}{\tau_0^2} + \frac{n}{\sigma^2}, \qquad
              \mu_n = \tau_n^2\left(\frac{\mu_0}{\tau_0^2} + \frac{\sum_i x_i}{\sigma^2}\right)

    Parameters
    ----------
    mu0 : float
        Prior mean.
    tau0 : float, > 0
        Prior standard deviation.
    sigma : float, > 0
        The (known) standard deviation of the noise on each observation.
    data : array_like, shape (n,)
        Observations; ``n = 0`` returns the prior.

    Returns
    -------
    (mu_n, tau_n) : tuple of float
        Posterior mean and posterior **standard deviation**.

    Raises
    ------
    ValueError
        If ``tau0`` or ``sigma`` is not positive, or ``data`` is not 1-D.

    Examples
    --------
    >>> normal_normal_update(0.0, 1.0, 1.0, [2.0])
    (1.0, 0.7071067811865476)
    """
    tau0, sigma = _positive(tau0, "tau0"), _positive(sigma, "sigma")
    x = np.asarray(data, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"data must be a 1-D array of observations, got shape {x.shape}")
    precision = 1.0 / tau0**2 + x.size / sigma**2
    var_n = 1.0 / precision
    mu_n = var_n * (float(mu0) / tau0**2 + float(x.sum()) / sigma**2)
    return mu_n, math.sqrt(var_n)
