"""Principal component analysis from scratch, with scikit-learn's interface.

The pieces are the exercises of the ``pca`` topic:

- :func:`covariance_eigh` — the components and their variances from the eigenvectors of the
  covariance matrix, sorted and sign-fixed (phase 1's ``linalg.pca_project``, made complete);
- :func:`explained_variance_ratio` and :func:`choose_n_components` — how much of the variance
  the first components keep, and how many to keep for a target share;
- :func:`pca_transform` and :func:`pca_inverse_transform` — projecting (optionally whitening)
  and mapping back.

:class:`PCA` puts them together behind scikit-learn's ``PCA`` interface, with two solvers: the
SVD of the centred data (``"full"``) or the eigendecomposition of the covariance matrix
(``"covariance_eigh"``).
"""

from __future__ import annotations

from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, ClassNamePrefixFeaturesOutMixin, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data

FloatArray = NDArray[np.float64]

__all__ = ["PCA", "choose_n_components", "covariance_eigh", "explained_variance_ratio",
           "pca_inverse_transform", "pca_transform"]


# --------------------------------------------------------------------------------------------
# Helpers

def _as_data(X: ArrayLike, min_samples: int = 2) -> FloatArray:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if X.shape[0] < min_samples:
        raise ValueError(f"X needs at least {min_samples} samples to have a variance, got "
                         f"{X.shape[0]}")
    return X


def _flip_signs(components: FloatArray) -> FloatArray:
    """Make the largest-magnitude entry of each row positive (scikit-learn's ``svd_flip``
    with ``u_based_decision=False``): the same components whatever the solver returned."""
    rows = np.arange(components.shape[0])
    biggest = components[rows, np.abs(components).argmax(axis=1)]  # (n_components,)
    signs = np.where(biggest < 0, -1.0, 1.0)
    return components * signs[:, None]


def _eigh_of_covariance(X: FloatArray) -> tuple[FloatArray, FloatArray]:
    """All eigenvalues (descending, clipped at 0) and eigenvectors (as rows, sign-fixed)."""
    n_samples = X.shape[0]
    Xc = X - X.mean(axis=0)  # (n_samples, n_features)
    C = Xc.T @ Xc / (n_samples - 1)  # (n_features, n_features)
    w, V = np.linalg.eigh(C)  # ascending eigenvalues, eigenvectors as columns
    w = np.maximum(w[::-1], 0.0)  # a PSD matrix's tiny negative eigenvalues are rounding
    return w, _flip_signs(V[:, ::-1].T)


def _check_n_components(n_components: Any, limit: int) -> int:
    if isinstance(n_components, bool) or not isinstance(n_components, (int, np.integer)) \
            or not 1 <= n_components <= limit:
        raise ValueError(f"n_components must be an int between 1 and {limit}, got "
                         f"{n_components!r}")
    return int(n_components)


# --------------------------------------------------------------------------------------------
# The exercises

def covariance_eigh(X: ArrayLike, n_components: int) -> tuple[FloatArray, FloatArray]:
    r"""Principal components from the eigenvectors of the covariance matrix.

    With :math:`X_c = X - \bar{x}` and :math:`\Sigma = X_c^\top X_c / (n - 1)`, the
    eigendecomposition :math:`\Sigma = V \operatorname{diag}(\lambda) V^\top` gives the
    components (the eigenvectors, largest eigenvalue first) and the variance along each
    (the eigenvalue). Each component is a *row* of the result, as in scikit-learn's
    ``components_``, with the sign fixed so that its entry of largest magnitude is positive.
    Eigenvalues that rounding made slightly negative are set to 0.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    n_components : int
        ``1 <= n_components <= n_features``.

    Returns
    -------
    components : ndarray, shape (n_components, n_features)
        Orthonormal rows.
    explained_variance : ndarray, shape (n_components,)
        Descending.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has fewer than 2 samples, or ``n_components`` is out of range.

    Examples
    --------
    >>> comps, var = covariance_eigh([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], 1)
    >>> np.round(comps, 6), np.round(var, 6)
    (array([[0.707107, 0.707107]]), array([2.]))
    """
    X = _as_data(X)
    k = _check_n_components(n_components, X.shape[1])
    w, components = _eigh_of_covariance(X)
    return components[:k], w[:k]


def explained_variance_ratio(X: ArrayLike) -> FloatArray:
    r"""The share of the total variance along each principal component, largest first.

    .. math:: r_j = \frac{\lambda_j}{\sum_m \lambda_m}

    where :math:`\lambda_j` are the covariance matrix's eigenvalues. There are
    :math:`\min(n_{samples}, n_{features})` of them that count (the centred data have at most
    that rank), so that many ratios are returned, like scikit-learn's
    ``PCA().explained_variance_ratio_``. They add up to 1 (unless all variances are 0: then
    they are all 0).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)

    Returns
    -------
    ratio : ndarray, shape (min(n_samples, n_features),)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or has fewer than 2 samples.

    Examples
    --------
    >>> np.round(explained_variance_ratio([[0.0, 0.0], [2.0, 1.0], [4.0, 2.0], [6.0, 3.5]]), 4)
    array([0.9985, 0.0015])
    """
    X = _as_data(X)
    w, _ = _eigh_of_covariance(X)
    w = w[:min(X.shape)]
    total = w.sum()
    return w / total if total > 0 else np.zeros_like(w)


def choose_n_components(ratio: ArrayLike, threshold: float) -> int:
    r"""How many components keep *more than* ``threshold`` of the variance.

    The smallest :math:`k` with :math:`r_1 + \dots + r_k > t` (scikit-learn's rule for
    ``PCA(n_components=t)`` with :math:`0 < t < 1`). If rounding leaves every cumulative sum
    at or below :math:`t`, all components are kept.

    Parameters
    ----------
    ratio : array_like, shape (n_components,)
        Explained-variance ratios, largest first.
    threshold : float
        Strictly between 0 and 1.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``ratio`` is not a non-empty 1-D array, or ``threshold`` is not in (0, 1).

    Examples
    --------
    >>> choose_n_components([0.6, 0.3, 0.1], 0.85)
    2
    >>> choose_n_components([0.6, 0.3, 0.1], 0.9)
    3
    """
    r = np.asarray(ratio, dtype=float)
    if r.ndim != 1 or r.size == 0:
        raise ValueError(f"ratio must be a non-empty 1-D array, got shape {r.shape}")
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must be strictly between 0 and 1, got {threshold!r}")
    cumulative = np.cumsum(r)
    k = int(np.searchsorted(cumulative, threshold, side="right")) + 1  # first sum > t
    return min(k, r.size)


def pca_transform(X: ArrayLike, mean: ArrayLike, components: ArrayLike,
                  explained_variance: ArrayLike, whiten: bool = False) -> FloatArray:
    r"""Project data onto the principal components; optionally whiten.

    .. math:: Z = (X - \mu) W^\top, \qquad
              Z_{\text{white}} = Z \operatorname{diag}(\lambda)^{-1/2}

    where the rows of :math:`W` are the components. Whitening divides each coordinate by its
    standard deviation :math:`\sqrt{\lambda_j}`, so every column of the result has variance 1
    on the training data (a :math:`\sqrt{\lambda_j}` below machine epsilon is replaced by
    epsilon, as scikit-learn does, to avoid dividing by 0).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    mean : array_like, shape (n_features,)
    components : array_like, shape (n_components, n_features)
    explained_variance : array_like, shape (n_components,)
    whiten : bool, default False

    Returns
    -------
    Z : ndarray, shape (n_samples, n_components)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> pca_transform([[3.0, 1.0]], [1.0, 1.0], [[1.0, 0.0]], [4.0], whiten=True)
    array([[1.]])
    """
    X, mu, W, var = _transform_inputs(X, mean, components, explained_variance, "X", 1)
    Z = (X - mu) @ W.T  # (n_samples, n_components)
    if whiten:
        Z /= _scale(var)
    return Z


def pca_inverse_transform(Z: ArrayLike, mean: ArrayLike, components: ArrayLike,
                          explained_variance: ArrayLike, whiten: bool = False) -> FloatArray:
    r"""Map projected (or whitened) coordinates back to the original space.

    .. math:: \hat{X} = Z W + \mu, \qquad
              \hat{X} = Z_{\text{white}} \operatorname{diag}(\lambda)^{1/2} W + \mu

    With all components this undoes :func:`pca_transform` exactly; with fewer it gives the
    closest point in the span of the kept components (the reconstruction).

    Parameters
    ----------
    Z : array_like, shape (n_samples, n_components)
    mean : array_like, shape (n_features,)
    components : array_like, shape (n_components, n_features)
    explained_variance : array_like, shape (n_components,)
    whiten : bool, default False
        Whether ``Z`` was whitened.

    Returns
    -------
    X_hat : ndarray, shape (n_samples, n_features)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> pca_inverse_transform([[1.0]], [1.0, 1.0], [[1.0, 0.0]], [4.0], whiten=True)
    array([[3., 1.]])
    """
    Z, mu, W, var = _transform_inputs(Z, mean, components, explained_variance, "Z", 0)
    if whiten:
        return (Z * np.sqrt(var)) @ W + mu  # (n_samples, n_features)
    return Z @ W + mu


def _scale(var: FloatArray) -> FloatArray:
    scale = np.sqrt(var)
    return np.maximum(scale, np.finfo(float).eps)


def _transform_inputs(A: ArrayLike, mean: ArrayLike, components: ArrayLike,
                      explained_variance: ArrayLike, name: str,
                      axis: int) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Validate; ``axis`` is the axis of ``components`` that ``A``'s columns must match."""
    A = np.asarray(A, dtype=float)
    W = np.asarray(components, dtype=float)
    mu = np.asarray(mean, dtype=float)
    var = np.asarray(explained_variance, dtype=float)
    if W.ndim != 2:
        raise ValueError(f"components must be 2-D (n_components, n_features), got {W.shape}")
    k, d = W.shape
    if A.ndim != 2 or A.shape[1] != W.shape[axis]:
        raise ValueError(f"{name} must be 2-D with {W.shape[axis]} columns, got shape {A.shape}")
    if mu.shape != (d,):
        raise ValueError(f"mean must have shape ({d},), got {mu.shape}")
    if var.shape != (k,) or (var < 0).any():
        raise ValueError(f"explained_variance must have shape ({k},) and no negative value, "
                         f"got shape {var.shape}")
    return A, mu, W, var


# --------------------------------------------------------------------------------------------
# The estimator

class PCA(ClassNamePrefixFeaturesOutMixin, TransformerMixin, BaseEstimator):
    """Principal component analysis, as ``sklearn.decomposition.PCA``.

    Parameters
    ----------
    n_components : int, float in (0, 1) or None, default None
        How many components to keep: an int; a float ``t`` keeps the fewest whose explained
        variance ratios add up to more than ``t``; None keeps ``min(n_samples, n_features)``.
    whiten : bool, default False
        Scale the projected coordinates to unit variance.
    svd_solver : {"auto", "full", "covariance_eigh"}, default "auto"
        ``"full"``: SVD of the centred data; ``"covariance_eigh"``: eigendecomposition of
        the covariance matrix (fast when ``n_samples >> n_features``); ``"auto"``:
        ``"covariance_eigh"`` when ``n_features <= 1000`` and
        ``n_samples >= 10 * n_features``, else ``"full"`` (scikit-learn's rule for these two).
    random_state : None, int or RandomState
        Unused (both solvers are exact); kept for scikit-learn compatibility.

    Attributes
    ----------
    components_ : ndarray, shape (n_components_, n_features)
    explained_variance_, explained_variance_ratio_, singular_values_ : ndarray,
        shape (n_components_,)
    mean_ : ndarray, shape (n_features,)
    n_components_ : int
    noise_variance_ : float
        The mean of the discarded variances (probabilistic PCA's noise estimate).
    n_samples_, n_features_in_ : int
    """

    def __init__(self, n_components: Any = None, *, whiten: bool = False,
                 svd_solver: str = "auto", random_state: Any = None) -> None:
        self.n_components = n_components
        self.whiten = whiten
        self.svd_solver = svd_solver
        self.random_state = random_state

    def _solver(self, n_samples: int, n_features: int) -> str:
        if self.svd_solver not in ("auto", "full", "covariance_eigh"):
            raise ValueError(f"svd_solver must be 'auto', 'full' or 'covariance_eigh', got "
                             f"{self.svd_solver!r}")
        if self.svd_solver != "auto":
            return str(self.svd_solver)
        if n_features <= 1000 and n_samples >= 10 * n_features:
            return "covariance_eigh"
        return "full"

    def fit(self, X: Any, y: Any = None) -> PCA:
        """Find the principal components of ``X``."""
        X = np.asarray(validate_data(self, X, dtype=np.float64, ensure_min_samples=2))
        n_samples, n_features = X.shape
        limit = min(n_samples, n_features)
        k: Any = self.n_components
        if k is None:
            k = limit
        elif isinstance(k, Real) and not isinstance(k, (bool, Integral)) and 0 < float(k) < 1:
            pass  # chosen from the ratios below
        elif isinstance(k, bool) or not isinstance(k, Integral) or not 0 <= int(k) <= limit:
            raise ValueError(f"n_components={k!r} must be None, a float in (0, 1) or an int "
                             f"between 0 and min(n_samples, n_features)={limit}")
        solver = self._solver(n_samples, n_features)

        self.mean_ = X.mean(axis=0)
        if solver == "full":
            Xc = X - self.mean_
            _, S, Vt = np.linalg.svd(Xc, full_matrices=False)  # S descending
            variance = S**2 / (n_samples - 1)
            components = _flip_signs(Vt)
        else:
            variance, components = _eigh_of_covariance(X)
            S = np.sqrt(variance * (n_samples - 1))
        total = variance.sum()
        ratio = variance / total if total > 0 else np.zeros_like(variance)
        if not isinstance(k, Integral):
            k = choose_n_components(ratio[:limit], float(k))
        k = int(k)

        self.noise_variance_ = float(variance[k:].mean()) if k < limit else 0.0
        self.n_components_ = k
        self.n_samples_ = n_samples
        self.components_ = components[:k].copy()
        self.explained_variance_ = variance[:k].copy()
        self.explained_variance_ratio_ = ratio[:k].copy()
        self.singular_values_ = S[:k].copy()
        self._n_features_out = k
        return self

    def transform(self, X: ArrayLike) -> FloatArray:
        """Coordinates along the components (whitened if ``whiten``)."""
        check_is_fitted(self)
        Xv: FloatArray = validate_data(self, X, dtype=np.float64, reset=False)
        Z = (Xv - self.mean_) @ self.components_.T  # (n_samples, n_components_)
        if self.whiten:
            Z /= _scale(self.explained_variance_)
        return Z

    def fit_transform(self, X: ArrayLike, y: Any = None, **fit_params: Any) -> FloatArray:
        """Fit, then return the coordinates of ``X``."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X: ArrayLike) -> FloatArray:
        """Map coordinates back to the original feature space."""
        check_is_fitted(self)
        Z = np.asarray(X, dtype=float)
        if Z.ndim != 2 or Z.shape[1] != self.n_components_:
            raise ValueError(f"X must be 2-D with {self.n_components_} columns, got shape "
                             f"{Z.shape}")
        return pca_inverse_transform(Z, self.mean_, self.components_, self.explained_variance_,
                                     whiten=self.whiten)
