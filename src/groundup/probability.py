"""Probability distributions from scratch: summaries, PMFs, PDFs, CDFs, sampling and MLE.

Phase 1 of the course. Every function here is what a learner writes in an exercise, and each
is tested against ``scipy.stats`` and NumPy (``tests/reference/test_probability.py``).

The densities and mass functions are vectorised: pass a number and get a ``float`` back, pass
an array and get an array of the same shape.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatOrArray = float | NDArray[np.float64]
_LOG_2PI = math.log(2.0 * math.pi)


# --------------------------------------------------------------------------------------------
# Helpers

def _data(x: ArrayLike, name: str = "x") -> NDArray[np.float64]:
    """A non-empty 1-D float array of observations."""
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of observations, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must hold at least one observation")
    return arr


def _out(values: NDArray[np.float64], like: NDArray[Any]) -> FloatOrArray:
    """A plain float for a scalar input, an array otherwise."""
    return float(values) if like.ndim == 0 else values


def _counts(k: ArrayLike, name: str = "k") -> NDArray[np.float64]:
    """Non-negative whole numbers (as floats), or ValueError."""
    arr = np.asarray(k, dtype=float)
    if not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr)):
        raise ValueError(f"{name} must hold whole numbers, got {k!r}")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative, got {k!r}")
    return arr


def _probability(p: float, name: str = "p") -> float:
    p = float(p)
    if not 0.0 <= p <= 1.0:  # also rejects NaN
        raise ValueError(f"{name} must be a probability in [0, 1], got {p}")
    return p


def _xlogy(x: NDArray[np.float64], y: float) -> NDArray[np.float64]:
    """``x * log(y)`` with the convention ``0 * log(0) = 0`` (so p = 0 or 1 works)."""
    if y > 0:
        return x * math.log(y)
    return np.where(x == 0, 0.0, -np.inf)


_lgamma = np.vectorize(math.lgamma, otypes=[float])


# --------------------------------------------------------------------------------------------
# Descriptive statistics

def mean(x: ArrayLike) -> float:
    r"""Sample mean.

    .. math:: \bar x = \frac{1}{n} \sum_{i=1}^{n} x_i

    Parameters
    ----------
    x : array_like, shape (n,)
        Observations, ``n >= 1``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or is empty.

    Examples
    --------
    >>> mean([1, 2, 3, 6])
    3.0
    """
    x = _data(x)
    return float(x.sum() / x.size)


def variance(x: ArrayLike, ddof: int = 0) -> float:
    r"""Sample variance, computed in two passes (centre first, then square).

    .. math:: s^2 = \frac{1}{n - \text{ddof}} \sum_{i=1}^{n} (x_i - \bar x)^2

    ``ddof=0`` is the population (and maximum-likelihood) variance, ``ddof=1`` the unbiased
    sample variance. Centring before squaring avoids the catastrophic cancellation of
    :math:`E[x^2] - E[x]^2` when the mean is large compared with the spread.

    Parameters
    ----------
    x : array_like, shape (n,)
    ddof : int, default 0
        "Delta degrees of freedom", ``0 <= ddof < n``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or empty, or ``ddof`` is negative or ``>= n``.

    Examples
    --------
    >>> variance([1, 2, 3, 6])
    3.5
    >>> round(variance([1, 2, 3, 6], ddof=1), 4)
    4.6667
    """
    x = _data(x)
    if int(ddof) != ddof or not 0 <= ddof < x.size:
        raise ValueError(f"ddof must be an integer in [0, n) = [0, {x.size}), got {ddof}")
    centred = x - mean(x)
    return float((centred * centred).sum() / (x.size - ddof))


def quantile(x: ArrayLike, q: ArrayLike) -> FloatOrArray:
    r"""Quantile(s) by linear interpolation between order statistics (NumPy's default).

    With the sorted data :math:`x_{(0)} \le \dots \le x_{(n-1)}` and :math:`h = (n-1) q`:

    .. math:: Q(q) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)
              \left(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)}\right)

    Parameters
    ----------
    x : array_like, shape (n,)
    q : float or array_like, values in [0, 1]

    Returns
    -------
    float, or ndarray of the shape of ``q``

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or empty, or a ``q`` is outside [0, 1].

    Examples
    --------
    >>> quantile([1, 2, 3, 4], 0.5)
    2.5
    """
    xs = np.sort(_data(x))
    q_arr = np.asarray(q, dtype=float)
    if np.any(np.isnan(q_arr)) or np.any((q_arr < 0) | (q_arr > 1)):
        raise ValueError(f"q must lie in [0, 1], got {q!r}")
    h = (xs.size - 1) * q_arr
    lo = np.floor(h).astype(int)
    hi = np.minimum(lo + 1, xs.size - 1)
    values = xs[lo] + (h - lo) * (xs[hi] - xs[lo])
    return _out(values, q_arr)


# --------------------------------------------------------------------------------------------
# Discrete distributions

def binomial_pmf(k: ArrayLike, n: int, p: float) -> FloatOrArray:
    r"""Binomial probability mass function: ``k`` successes in ``n`` trials.

    .. math:: P(K = k) = \binom{n}{k} p^k (1-p)^{n-k}, \quad k = 0, \dots, n

    Computed in log space (``lgamma``) so that large ``n`` neither overflows nor underflows;
    ``k > n`` has probability 0.

    Parameters
    ----------
    k : int or array_like of ints, ``k >= 0``
    n : int, ``n >= 0``
    p : float in [0, 1]

    Returns
    -------
    float, or ndarray of the shape of ``k``

    Raises
    ------
    ValueError
        If ``k`` or ``n`` is negative or not whole, or ``p`` is outside [0, 1].

    Examples
    --------
    >>> round(binomial_pmf(1, 2, 0.5), 6)
    0.5
    """
    k_arr = _counts(k)
    n_f = float(_counts(n, "n"))
    p = _probability(p)
    inside = k_arr <= n_f
    kk = np.where(inside, k_arr, 0.0)  # keep lgamma's argument valid outside the support
    log_comb = math.lgamma(n_f + 1) - _lgamma(kk + 1) - _lgamma(n_f - kk + 1)
    with np.errstate(invalid="ignore"):
        log_pmf = log_comb + _xlogy(kk, p) + _xlogy(n_f - kk, 1.0 - p)
    values = np.where(inside, np.exp(log_pmf), 0.0)
    return _out(values, k_arr)


def bernoulli_pmf(k: ArrayLike, p: float) -> FloatOrArray:
    r"""Bernoulli probability mass function: one trial that succeeds with probability ``p``.

    .. math:: P(K = k) = p^k (1-p)^{1-k}, \quad k \in \{0, 1\}

    It is the binomial with ``n = 1``; values of ``k`` above 1 have probability 0.

    Parameters
    ----------
    k : int or array_like of ints, ``k >= 0``
    p : float in [0, 1]

    Returns
    -------
    float, or ndarray of the shape of ``k``

    Raises
    ------
    ValueError
        If ``k`` is negative or not whole, or ``p`` is outside [0, 1].

    Examples
    --------
    >>> bernoulli_pmf([0, 1], 0.3)
    array([0.7, 0.3])
    """
    return binomial_pmf(k, 1, p)


def poisson_pmf(k: ArrayLike, lam: float) -> FloatOrArray:
    r"""Poisson probability mass function: counts of rare events with mean ``lam``.

    .. math:: P(K = k) = \frac{\lambda^k e^{-\lambda}}{k!}, \quad k = 0, 1, 2, \dots

    Parameters
    ----------
    k : int or array_like of ints, ``k >= 0``
    lam : float, ``lam >= 0`` (``lam = 0`` puts all the mass on ``k = 0``)

    Returns
    -------
    float, or ndarray of the shape of ``k``

    Raises
    ------
    ValueError
        If ``k`` is negative or not whole, or ``lam`` is negative.

    Examples
    --------
    >>> round(poisson_pmf(0, 2.0), 6)
    0.135335
    """
    k_arr = _counts(k)
    lam = float(lam)
    if not lam >= 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    log_pmf = _xlogy(k_arr, lam) - lam - _lgamma(k_arr + 1)
    return _out(np.exp(log_pmf), k_arr)


# --------------------------------------------------------------------------------------------
# Continuous distributions

def _interval(a: float, b: float) -> tuple[float, float]:
    a, b = float(a), float(b)
    if not a < b:
        raise ValueError(f"the interval needs a < b, got a = {a}, b = {b}")
    return a, b


def uniform_pdf(x: ArrayLike, a: float = 0.0, b: float = 1.0) -> FloatOrArray:
    r"""Density of the continuous uniform distribution on :math:`[a, b]`.

    .. math:: f(x) = \frac{1}{b - a} \text{ for } a \le x \le b, \quad 0 \text{ otherwise}

    Parameters
    ----------
    x : float or array_like
    a, b : float, ``a < b``

    Returns
    -------
    float, or ndarray of the shape of ``x``

    Raises
    ------
    ValueError
        If ``a >= b``.

    Examples
    --------
    >>> uniform_pdf([-1.0, 0.5, 3.0], 0.0, 2.0)
    array([0. , 0.5, 0. ])
    """
    a, b = _interval(a, b)
    x_arr = np.asarray(x, dtype=float)
    values = np.where((x_arr >= a) & (x_arr <= b), 1.0 / (b - a), 0.0)
    return _out(values, x_arr)


def uniform_cdf(x: ArrayLike, a: float = 0.0, b: float = 1.0) -> FloatOrArray:
    r"""Cumulative distribution function of the uniform distribution on :math:`[a, b]`.

    .. math:: F(x) = \min\left(1, \max\left(0, \frac{x - a}{b - a}\right)\right)

    Parameters
    ----------
    x : float or array_like
    a, b : float, ``a < b``

    Returns
    -------
    float, or ndarray of the shape of ``x``

    Raises
    ------
    ValueError
        If ``a >= b``.

    Examples
    --------
    >>> uniform_cdf(0.5, 0.0, 2.0)
    0.25
    """
    a, b = _interval(a, b)
    x_arr = np.asarray(x, dtype=float)
    return _out(np.clip((x_arr - a) / (b - a), 0.0, 1.0), x_arr)


def _scale(sigma: float) -> float:
    sigma = float(sigma)
    if not sigma > 0:
        raise ValueError(f"sigma must be > 0, got {sigma}")
    return sigma


def normal_pdf(x: ArrayLike, mu: float = 0.0, sigma: float = 1.0) -> FloatOrArray:
    r"""Density of the Normal (Gaussian) distribution :math:`\mathcal N(\mu, \sigma^2)`.

    .. math:: f(x) = \frac{1}{\sigma\sqrt{2\pi}}
              \exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)

    Parameters
    ----------
    x : float or array_like
    mu : float, default 0
        The mean.
    sigma : float, default 1
        The standard deviation, ``sigma > 0``.

    Returns
    -------
    float, or ndarray of the shape of ``x``

    Raises
    ------
    ValueError
        If ``sigma <= 0``.

    Examples
    --------
    >>> round(normal_pdf(0.0), 6)
    0.398942
    """
    sigma = _scale(sigma)
    x_arr = np.asarray(x, dtype=float)
    z = (x_arr - mu) / sigma
    return _out(np.exp(-0.5 * z * z) / (sigma * math.sqrt(2.0 * math.pi)), x_arr)


_erfc = np.vectorize(math.erfc, otypes=[float])


def normal_cdf(x: ArrayLike, mu: float = 0.0, sigma: float = 1.0) -> FloatOrArray:
    r"""Cumulative distribution function of :math:`\mathcal N(\mu, \sigma^2)`.

    .. math:: \Phi(x) = \frac{1}{2}\left(1 + \operatorname{erf}\frac{x-\mu}{\sigma\sqrt 2}\right)
              = \frac{1}{2}\operatorname{erfc}\left(-\frac{x-\mu}{\sigma\sqrt 2}\right)

    The ``erfc`` form (``math.erfc``, the complement of ``math.erf``) keeps full relative
    precision in the far left tail, where ``1 + erf(z)`` would cancel to 0.

    Parameters
    ----------
    x : float or array_like
    mu : float, default 0
    sigma : float, default 1, ``sigma > 0``

    Returns
    -------
    float, or ndarray of the shape of ``x``

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
    sigma = _scale(sigma)
    x_arr = np.asarray(x, dtype=float)
    z = (x_arr - mu) / (sigma * math.sqrt(2.0))
    return _out(0.5 * _erfc(-z), x_arr)


def multivariate_normal_logpdf(x: ArrayLike, mean: ArrayLike, cov: ArrayLike) -> FloatOrArray:
    r"""Log-density of the multivariate Normal :math:`\mathcal N(\mu, \Sigma)` in ``d``
    dimensions.

    .. math:: \log f(x) = -\frac{1}{2}\left(d \log 2\pi + \log\det\Sigma
              + (x-\mu)^\top \Sigma^{-1} (x-\mu)\right)

    With the Cholesky factor :math:`\Sigma = L L^\top`: :math:`\log\det\Sigma = 2\sum_i \log
    L_{ii}` and the quadratic form is :math:`\lVert z \rVert^2` with :math:`L z = x - \mu`.
    This never forms :math:`\Sigma^{-1}` or :math:`\det\Sigma` (which under/overflows in high
    dimension).

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        One point, or ``n`` points as rows.
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite.

    Returns
    -------
    float for one point, or ndarray of shape (n,)

    Raises
    ------
    ValueError
        If the shapes disagree or ``cov`` is not symmetric positive definite.

    Examples
    --------
    >>> round(multivariate_normal_logpdf([0.0, 0.0], [0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]), 6)
    -1.837877
    """
    mu = np.asarray(mean, dtype=float)
    S = np.asarray(cov, dtype=float)
    X = np.asarray(x, dtype=float)
    if mu.ndim != 1:
        raise ValueError(f"mean must be 1-D, got shape {mu.shape}")
    d = mu.size
    if S.shape != (d, d):
        raise ValueError(f"cov must have shape ({d}, {d}) to match mean, got {S.shape}")
    if X.ndim not in (1, 2) or X.shape[-1] != d:
        raise ValueError(f"x must have shape ({d},) or (n, {d}), got {X.shape}")
    if not np.allclose(S, S.T, rtol=1e-10, atol=1e-12):
        raise ValueError("cov must be symmetric")
    try:
        L = np.linalg.cholesky(S)
    except np.linalg.LinAlgError:
        raise ValueError("cov must be positive definite (its Cholesky factorisation failed)")\
            from None
    diff = np.atleast_2d(X) - mu  # (n, d)
    Z = np.linalg.solve(L, diff.T)  # (d, n): L z = x - mu for every point
    maha = (Z * Z).sum(axis=0)  # (n,)
    log_det = 2.0 * np.log(np.diag(L)).sum()
    values = -0.5 * (d * _LOG_2PI + log_det + maha)
    return float(values[0]) if X.ndim == 1 else values


# --------------------------------------------------------------------------------------------
# Sampling

def _n_samples(n: int) -> int:
    if int(n) != n or n < 0:
        raise ValueError(f"n must be a non-negative integer, got {n!r}")
    return int(n)


def sample_inverse_transform(inverse_cdf: Callable[[NDArray[np.float64]], NDArray[np.float64]],
                             n: int, rng: np.random.Generator | int | None = None
                             ) -> NDArray[np.float64]:
    r"""Draw ``n`` samples by pushing uniforms through an inverse CDF.

    If :math:`U \sim \mathcal U(0, 1)` then :math:`X = F^{-1}(U)` has CDF :math:`F`, because
    :math:`P(X \le x) = P(U \le F(x)) = F(x)`.

    Parameters
    ----------
    inverse_cdf : callable
        Maps an array of probabilities in [0, 1) to samples, element-wise.
    n : int, ``n >= 0``
    rng : numpy.random.Generator, int or None
        The random generator (or a seed for a new one).

    Returns
    -------
    ndarray, shape (n,)

    Examples
    --------
    >>> x = sample_inverse_transform(lambda u: 2.0 * u, 3, rng=0)  # uniform on [0, 2)
    >>> x.shape
    (3,)
    """
    n = _n_samples(n)
    gen = np.random.default_rng(rng)
    u = gen.random(n)  # uniforms in [0, 1)
    return np.asarray(inverse_cdf(u), dtype=float)


def sample_exponential(n: int, lam: float,
                       rng: np.random.Generator | int | None = None) -> NDArray[np.float64]:
    r"""Exponential samples with rate ``lam`` by inverse transform sampling.

    The CDF :math:`F(x) = 1 - e^{-\lambda x}` inverts to

    .. math:: F^{-1}(u) = -\frac{\log(1 - u)}{\lambda}

    (``1 - u`` lies in (0, 1] for ``u`` in [0, 1), so the logarithm is always finite).

    Parameters
    ----------
    n : int, ``n >= 0``
    lam : float, ``lam > 0``
        The rate; the mean is ``1 / lam``.
    rng : numpy.random.Generator, int or None
        Where the uniforms come from.

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        If ``n`` is negative or ``lam <= 0``.

    Examples
    --------
    >>> x = sample_exponential(100_000, 2.0, np.random.default_rng(0))
    >>> round(float(x.mean()), 2)
    0.5
    """
    lam = float(lam)
    if not lam > 0:
        raise ValueError(f"lam must be > 0, got {lam}")
    return sample_inverse_transform(lambda u: -np.log1p(-u) / lam, n, rng)


def box_muller(n: int, rng: np.random.Generator | int | None = None) -> NDArray[np.float64]:
    r"""Standard Normal samples from uniforms by the Box–Muller transform.

    Two independent uniforms :math:`U_1, U_2` give two independent :math:`\mathcal N(0, 1)`:

    .. math:: R = \sqrt{-2 \log U_1}, \quad Z_1 = R\cos(2\pi U_2), \quad Z_2 = R\sin(2\pi U_2)

    Parameters
    ----------
    n : int, ``n >= 0``
        How many samples (an odd ``n`` drops the last one of the final pair).
    rng : numpy.random.Generator, int or None

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        If ``n`` is negative.

    Examples
    --------
    >>> z = box_muller(100_000, np.random.default_rng(0))
    >>> round(float(z.std()), 1)
    1.0
    """
    n = _n_samples(n)
    gen = np.random.default_rng(rng)
    m = (n + 1) // 2  # number of pairs
    u1 = 1.0 - gen.random(m)  # in (0, 1]: log(u1) is finite
    u2 = gen.random(m)
    r = np.sqrt(-2.0 * np.log(u1))
    z = np.concatenate([r * np.cos(2.0 * np.pi * u2), r * np.sin(2.0 * np.pi * u2)])
    return z[:n]


# --------------------------------------------------------------------------------------------
# Maximum likelihood

def mle_bernoulli(x: ArrayLike) -> float:
    r"""Maximum-likelihood estimate of a Bernoulli ``p`` from 0/1 observations.

    The log-likelihood :math:`\ell(p) = k\log p + (n-k)\log(1-p)` (with :math:`k = \sum x_i`)
    is maximal where :math:`\ell'(p) = k/p - (n-k)/(1-p) = 0`, i.e. at

    .. math:: \hat p = \frac{k}{n}

    Parameters
    ----------
    x : array_like, shape (n,)
        Observations, each 0 or 1.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D, or holds values other than 0 and 1.

    Examples
    --------
    >>> mle_bernoulli([1, 0, 1, 1])
    0.75
    """
    x = _data(x)
    if np.any((x != 0) & (x != 1)):
        raise ValueError("x must hold only 0s and 1s")
    return mean(x)


def mle_normal(x: ArrayLike) -> tuple[float, float]:
    r"""Maximum-likelihood estimates of a Normal's mean and variance.

    Setting the derivatives of
    :math:`\ell(\mu, \sigma^2) = -\frac{n}{2}\log(2\pi\sigma^2) - \frac{1}{2\sigma^2}
    \sum_i (x_i - \mu)^2` to zero gives

    .. math:: \hat\mu = \frac{1}{n}\sum_i x_i, \qquad
              \hat\sigma^2 = \frac{1}{n}\sum_i (x_i - \hat\mu)^2

    (divided by ``n``, not ``n - 1``: the MLE of the variance is biased).

    Parameters
    ----------
    x : array_like, shape (n,)

    Returns
    -------
    (mu_hat, sigma2_hat) : tuple of float

    Raises
    ------
    ValueError
        If ``x`` is empty or not 1-D.

    Examples
    --------
    >>> mle_normal([1.0, 2.0, 3.0, 6.0])
    (3.0, 3.5)
    """
    x = _data(x)
    return mean(x), variance(x, ddof=0)
