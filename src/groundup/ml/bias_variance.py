r"""The bias-variance decomposition, measured.

Draw many training sets from the same process, :math:`y = f(x) + \varepsilon` with
:math:`\varepsilon \sim \mathcal N(0, \sigma^2)`, fit a model on each, and look at its
predictions :math:`\hat f_r(x)` on fixed test points. Averaged over training sets and test
points, the expected squared error on a *fresh* noisy target splits into three parts:

.. math::
    \mathbb E\big[(y - \hat f(x))^2\big]
    = \underbrace{\big(\bar f(x) - f(x)\big)^2}_{\text{bias}^2}
    + \underbrace{\mathbb E\big[(\hat f(x) - \bar f(x))^2\big]}_{\text{variance}}
    + \underbrace{\sigma^2}_{\text{noise}},
    \qquad \bar f(x) = \mathbb E[\hat f(x)]

Polynomials of growing degree go from high bias (a line cannot follow a sine) to high
variance (a degree-12 polynomial through 15 noisy points follows the noise): the test error
traces a U.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["bias_variance_curve", "bias_variance_decompose", "true_function"]


def true_function(x: ArrayLike) -> np.ndarray:
    r"""The function the experiment learns: :math:`f(x) = \sin(2\pi x)` on [0, 1]."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=float))


def bias_variance_decompose(predictions: ArrayLike, f_true: ArrayLike) -> tuple[float, float]:
    r"""Squared bias and variance of a model, from its predictions over many training sets.

    With :math:`R` training sets and :math:`m` test points, ``predictions[r, j]`` is
    :math:`\hat f_r(x_j)` and ``f_true[j]`` is :math:`f(x_j)`. With the mean prediction
    :math:`\bar f_j = \frac1R \sum_r \hat f_r(x_j)`:

    .. math::
        \text{bias}^2 = \frac1m \sum_j (\bar f_j - f(x_j))^2, \qquad
        \text{variance} = \frac1m \sum_j \frac1R \sum_r (\hat f_r(x_j) - \bar f_j)^2

    (the variance divides by :math:`R`, not :math:`R - 1`, so that
    :math:`\text{bias}^2 + \text{variance} = \frac{1}{Rm}\sum_{r,j} (\hat f_r(x_j) - f(x_j))^2`
    exactly).

    Parameters
    ----------
    predictions : array_like, shape (n_datasets, n_points)
    f_true : array_like, shape (n_points,)

    Returns
    -------
    (bias2, variance) : tuple of float

    Raises
    ------
    ValueError
        If ``predictions`` is not 2-D with at least one row, or the shapes disagree.

    Examples
    --------
    >>> bias_variance_decompose([[1.0, 2.0], [3.0, 2.0]], [1.0, 1.0])
    (1.0, 0.5)
    """
    P = np.asarray(predictions, dtype=float)
    f = np.asarray(f_true, dtype=float)
    if P.ndim != 2 or P.shape[0] == 0 or P.shape[1] == 0:
        raise ValueError(f"predictions must have shape (n_datasets, n_points) with both at "
                         f"least 1, got {P.shape}")
    if f.shape != (P.shape[1],):
        raise ValueError(f"f_true must have shape ({P.shape[1]},), one value per test point, "
                         f"got {f.shape}")
    mean_prediction = P.mean(axis=0)                     # (n_points,)
    bias2 = float(((mean_prediction - f) ** 2).mean())
    variance = float(((P - mean_prediction) ** 2).mean())  # over datasets, then points
    return bias2, variance


def _check_int(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be an int >= {minimum}, got {value!r}")
    return int(value)


def bias_variance_curve(degrees: Sequence[int] | ArrayLike, n_datasets: int = 200,
                        n_train: int = 15, noise: float = 0.3, n_test: int = 100,
                        seed: int = 0,
                        f: Callable[[np.ndarray], np.ndarray] = true_function,
                        ) -> dict[str, np.ndarray]:
    r"""Bias², variance, noise and expected test error of polynomial fits, per degree.

    The experiment: ``n_train`` inputs :math:`x_i` evenly spaced on [0, 1] (the same for
    every training set) and ``n_test`` test inputs evenly spaced on [0, 1]. For each of
    ``n_datasets`` training sets draw :math:`y_i = f(x_i) + \varepsilon_i`,
    :math:`\varepsilon_i \sim \mathcal N(0, \text{noise}^2)`, fit a least-squares polynomial of
    each degree (``np.polyfit``) and predict at the test inputs. Then, per degree:

    - ``bias2`` and ``variance`` from :func:`bias_variance_decompose`;
    - ``noise``: :math:`\sigma^2` = ``noise ** 2``;
    - ``error``: the mean squared error against fresh noisy test targets
      :math:`f(x) + \varepsilon'` (new noise for every training set), which estimates
      ``bias2 + variance + noise``.

    Returns
    -------
    dict of str to ndarray
        ``"degree"``, ``"bias2"``, ``"variance"``, ``"noise"``, ``"error"``, each of shape
        (n_degrees,).

    Raises
    ------
    ValueError
        If a degree is negative or not below ``n_train``, ``n_datasets < 2``, ``noise < 0``.

    Examples
    --------
    >>> out = bias_variance_curve([1, 3, 9])
    >>> out["error"]  # high (underfit), low, higher again (overfit): a U
    """
    deg = np.asarray(degrees)
    if deg.ndim != 1 or deg.size == 0 or deg.dtype.kind not in "iu":
        raise ValueError(f"degrees must be a non-empty 1-D list of ints, got {degrees!r}")
    n_datasets = _check_int(n_datasets, "n_datasets", 2)
    n_train = _check_int(n_train, "n_train", 2)
    n_test = _check_int(n_test, "n_test", 1)
    if np.any(deg < 0) or np.any(deg >= n_train):
        raise ValueError(f"every degree must be in [0, n_train - 1] = [0, {n_train - 1}] so "
                         f"that the fit is determined, got {deg.tolist()}")
    if not noise >= 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    rng = np.random.default_rng(seed)
    x_train, x_test = np.linspace(0, 1, n_train), np.linspace(0, 1, n_test)
    f_train, f_test = f(x_train), f(x_test)
    # All training sets at once: column r of Y is training set r.
    Y = f_train[:, None] + noise * rng.standard_normal((n_train, n_datasets))  # (n_train, R)
    Y_test = f_test[:, None] + noise * rng.standard_normal((n_test, n_datasets))  # (n_test, R)
    bias2, variance, error = (np.empty(deg.size) for _ in range(3))
    for k, d in enumerate(deg):
        coef = np.polyfit(x_train, Y, int(d))                     # (d + 1, R)
        predictions = (np.vander(x_test, int(d) + 1) @ coef).T    # (R, n_test)
        bias2[k], variance[k] = bias_variance_decompose(predictions, f_test)
        error[k] = ((Y_test.T - predictions) ** 2).mean()
    return {"degree": deg.astype(int), "bias2": bias2, "variance": variance,
            "noise": np.full(deg.size, float(noise) ** 2), "error": error}
