"""Feature scaling: standardise every column to mean 0 and standard deviation 1.

:func:`standardize` is the piece the learner writes (``linreg.standardize``);
:class:`StandardScaler` is built from the same statistics and follows scikit-learn's
transformer contract (``tests/reference/test_ml_linear.py``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.utils.validation import FLOAT_DTYPES, check_is_fitted, validate_data

FloatArray = NDArray[np.floating[Any]]


def _mean_var(X: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Column means and (population, ddof = 0) variances, the deviations taken from the mean."""
    mean = X.mean(axis=0)  # (n_features,)
    var = ((X - mean) ** 2).mean(axis=0)  # subtract first: no E[x^2] - E[x]^2 cancellation
    return mean, var


def _scale_from_var(var: FloatArray, mean: FloatArray, n_samples: int) -> FloatArray:
    """Standard deviations, with 1 for constant columns (nothing to scale; avoids 0 / 0).

    A constant column's computed variance is not always exactly 0 (the mean of ten 0.1s is
    not exactly 0.1), so "constant" means: variance within the rounding error of its
    computation (the bound scikit-learn uses), or a standard deviation below 10 eps.
    """
    eps = np.finfo(np.float64).eps
    bound = n_samples * eps * var + (n_samples * mean * eps) ** 2
    scale = np.sqrt(var)
    constant = (var <= bound) | (scale < 10 * eps)
    return np.where(constant, 1.0, scale).astype(var.dtype, copy=False)


def standardize(X: ArrayLike) -> tuple[FloatArray, FloatArray, FloatArray]:
    r"""Standardise the columns of ``X``: subtract each column's mean, divide by its
    standard deviation.

    .. math:: \mu_j = \frac1n\sum_i X_{ij}, \qquad
              \sigma_j = \sqrt{\frac1n\sum_i (X_{ij} - \mu_j)^2}, \qquad
              Z_{ij} = \frac{X_{ij} - \mu_j}{\sigma_j}

    The standard deviation divides by :math:`n` (``ddof = 0``). A constant column has
    :math:`\sigma_j = 0`; its scale is set to 1, so it becomes all zeros instead of NaN.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)

    Returns
    -------
    Z : ndarray, shape (n_samples, n_features)
    mean : ndarray, shape (n_features,)
    scale : ndarray, shape (n_features,)
        :math:`\sigma_j`, or 1 for a constant column.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, is empty, or holds NaN or infinity.

    Examples
    --------
    >>> Z, mean, scale = standardize([[1.0, 5.0], [3.0, 5.0]])
    >>> Z.tolist(), mean.tolist(), scale.tolist()
    ([[-1.0, 0.0], [1.0, 0.0]], [2.0, 5.0], [1.0, 1.0])
    """
    X_arr = np.asarray(X, dtype=float)
    if X_arr.ndim != 2 or X_arr.shape[0] == 0 or X_arr.shape[1] == 0:
        raise ValueError(f"X must be a non-empty 2-D array (n_samples, n_features), got shape "
                         f"{X_arr.shape}")
    if not np.all(np.isfinite(X_arr)):
        raise ValueError("X contains NaN or infinity")
    mean, var = _mean_var(X_arr)
    scale = _scale_from_var(var, mean, X_arr.shape[0])
    return (X_arr - mean) / scale, mean, scale


class StandardScaler(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    r"""Standardise features: :math:`z = (x - \mu) / \sigma`, per column (see
    :func:`standardize`).

    Parameters
    ----------
    copy : bool, default True
        ``False`` lets :meth:`transform` scale a float array in place.
    with_mean : bool, default True
        Subtract the mean.
    with_std : bool, default True
        Divide by the standard deviation.

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,), or None when neither centring nor scaling
    var_ : ndarray of shape (n_features,), or None when ``with_std=False``
    scale_ : ndarray of shape (n_features,), or None when ``with_std=False``
    n_samples_seen_ : int
    n_features_in_ : int
    """

    def __init__(self, *, copy: bool = True, with_mean: bool = True,
                 with_std: bool = True) -> None:
        self.copy = copy
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X: ArrayLike, y: Any = None) -> StandardScaler:
        """Compute the column means and standard deviations; returns ``self``."""
        X_arr = validate_data(self, X, dtype=FLOAT_DTYPES)
        n_samples = X_arr.shape[0]
        self.n_samples_seen_ = int(n_samples)
        if not (self.with_mean or self.with_std):
            self.mean_ = None
            self.var_ = None
            self.scale_ = None
            return self
        mean, var = _mean_var(X_arr)
        self.mean_ = mean
        if self.with_std:
            self.var_ = var
            self.scale_ = _scale_from_var(var, mean, n_samples)
        else:
            self.var_ = None
            self.scale_ = None
        return self

    def transform(self, X: ArrayLike, copy: bool | None = None) -> FloatArray:
        """Standardise ``X`` with the statistics learned in :meth:`fit`."""
        check_is_fitted(self)
        copy = self.copy if copy is None else copy
        X_arr = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES, copy=copy)
        if self.with_mean:
            X_arr -= self.mean_
        if self.with_std:
            X_arr /= self.scale_
        return X_arr

    def inverse_transform(self, X: ArrayLike, copy: bool | None = None) -> FloatArray:
        """Undo :meth:`transform`: :math:`x = z\\sigma + \\mu`."""
        check_is_fitted(self)
        copy = self.copy if copy is None else copy
        X_arr = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES, copy=copy)
        if self.with_std:
            X_arr *= self.scale_
        if self.with_mean:
            X_arr += self.mean_
        return X_arr
