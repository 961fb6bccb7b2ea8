"""K-means clustering from scratch, with scikit-learn's interface.

The pieces are the exercises of the ``k-means`` topic, in the order a learner writes them:

- :func:`assign_clusters` — the assignment step: every sample goes to its nearest centre;
- :func:`update_centers` — the update step: every centre moves to the mean of its samples;
- :func:`inertia` — the objective both steps lower: the sum of squared distances;
- :func:`kmeans_plus_plus` — k-means++ seeding (plain, or greedy as in scikit-learn);
- :func:`lloyd` — the two steps in a loop until the centres stop moving.

:class:`KMeans` puts them together behind scikit-learn's ``KMeans`` interface (``n_init``
restarts, relative ``tol``, ``predict``, ``transform``, ``score``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, ClassNamePrefixFeaturesOutMixin, ClusterMixin, TransformerMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted, validate_data

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]

__all__ = ["KMeans", "assign_clusters", "inertia", "kmeans_plus_plus", "lloyd", "update_centers"]


# --------------------------------------------------------------------------------------------
# Validation and the distance kernel

def _as_data(X: ArrayLike, name: str = "X") -> FloatArray:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"{name} must be 2-D (n_samples, n_features), got shape {X.shape}")
    return X


def _as_centers(centers: ArrayLike, n_features: int) -> FloatArray:
    C = np.asarray(centers, dtype=float)
    if C.ndim != 2 or C.shape[0] == 0 or C.shape[1] != n_features:
        raise ValueError(f"centers must have shape (n_clusters >= 1, {n_features}) to match X, "
                         f"got shape {C.shape}")
    return C


def _as_labels(labels: ArrayLike, n_samples: int, n_clusters: int) -> IntArray:
    lab = np.asarray(labels)
    if lab.shape != (n_samples,):
        raise ValueError(f"labels must have shape ({n_samples},), one per sample, got {lab.shape}")
    if lab.size and (lab.dtype.kind not in "iu" or lab.min() < 0 or lab.max() >= n_clusters):
        raise ValueError(f"labels must be integers in [0, {n_clusters}), one centre index per "
                         "sample")
    return lab.astype(np.intp)


def _squared_distances(X: FloatArray, centers: FloatArray,
                       x_squared_norms: FloatArray | None = None) -> FloatArray:
    """``D[i, j] = ||x_i - c_j||^2`` for all pairs at once, shape (n_samples, n_clusters).

    Expands the square, ``||x||^2 - 2 x.c + ||c||^2``, so that the work is one matrix product
    instead of an (n_samples, n_clusters, n_features) array of differences.
    """
    if x_squared_norms is None:
        x_squared_norms = np.einsum("ij,ij->i", X, X)
    c2 = np.einsum("ij,ij->i", centers, centers)
    D = X @ centers.T  # (n_samples, n_clusters)
    D *= -2.0
    D += x_squared_norms[:, None]
    D += c2[None, :]
    np.maximum(D, 0.0, out=D)  # rounding can make a tiny distance negative
    return D


def _nearest(X: FloatArray, centers: FloatArray) -> IntArray:
    """The index of each sample's nearest centre, shape (n_samples,).

    ``||x||^2`` is the same for every centre, so the argmin only needs ``||c||^2 - 2 x.c``.
    """
    D = X @ centers.T  # (n_samples, n_clusters)
    D *= -2.0
    D += np.einsum("ij,ij->i", centers, centers)[None, :]
    return np.argmin(D, axis=1)


def _means(X: FloatArray, labels: IntArray, centers: FloatArray) -> FloatArray:
    """The mean of each cluster's samples; an empty cluster keeps its centre."""
    k, n_features = centers.shape
    counts = np.bincount(labels, minlength=k).astype(float)  # (k,)
    if k * X.shape[0] <= 4_000_000:
        # One matrix product: row j of the one-hot matrix picks the samples labelled j.
        onehot = (labels[None, :] == np.arange(k)[:, None]).astype(float)  # (k, n_samples)
        sums = onehot @ X  # (k, n_features)
    else:  # too many clusters for a dense one-hot matrix: one bincount per feature
        sums = np.stack([np.bincount(labels, weights=X[:, f], minlength=k)
                         for f in range(n_features)], axis=1)
    new = centers.copy()
    filled = counts > 0
    new[filled] = sums[filled] / counts[filled, None]
    return new


# --------------------------------------------------------------------------------------------
# The exercises

def assign_clusters(X: ArrayLike, centers: ArrayLike) -> IntArray:
    r"""The assignment step: the index of each sample's nearest centre.

    .. math:: \ell_i = \arg\min_j \lVert x_i - c_j \rVert^2
              = \arg\min_j \left(\lVert x_i \rVert^2 - 2\, x_i \cdot c_j
              + \lVert c_j \rVert^2\right)

    computed for all samples and centres at once (one matrix product, no Python loop). Ties go
    to the lowest index, as with ``np.argmin``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    centers : array_like, shape (n_clusters, n_features)

    Returns
    -------
    labels : ndarray of int, shape (n_samples,)

    Raises
    ------
    ValueError
        If ``X`` or ``centers`` is not 2-D, there is no centre, or their numbers of features
        differ.

    Examples
    --------
    >>> assign_clusters([[0.0, 0.0], [9.0, 9.0], [1.0, 0.0]], [[0.0, 0.0], [10.0, 10.0]])
    array([0, 1, 0])
    """
    X = _as_data(X)
    C = _as_centers(centers, X.shape[1])
    return _nearest(X, C)


def update_centers(X: ArrayLike, labels: ArrayLike, centers: ArrayLike) -> FloatArray:
    r"""The update step: move every centre to the mean of the samples assigned to it.

    .. math:: c_j \leftarrow \frac{1}{|S_j|} \sum_{i \in S_j} x_i,
              \qquad S_j = \{ i : \ell_i = j \}

    A centre with no samples (:math:`S_j` empty) would be 0/0: it keeps its old position.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    labels : array_like of int, shape (n_samples,)
        Each sample's cluster, in ``[0, n_clusters)``.
    centers : array_like, shape (n_clusters, n_features)
        The current centres (kept for empty clusters; not modified).

    Returns
    -------
    new_centers : ndarray, shape (n_clusters, n_features)

    Raises
    ------
    ValueError
        On shapes that do not match, or a label outside ``[0, n_clusters)``.

    Examples
    --------
    >>> update_centers([[0.0], [2.0], [10.0]], [0, 0, 1], [[5.0], [5.0]])
    array([[ 1.],
           [10.]])
    """
    X = _as_data(X)
    C = _as_centers(centers, X.shape[1])
    lab = _as_labels(labels, X.shape[0], C.shape[0])
    return _means(X, lab, C)


def inertia(X: ArrayLike, centers: ArrayLike, labels: ArrayLike) -> float:
    r"""The k-means objective: the sum of squared distances to the assigned centres.

    .. math:: J = \sum_{i=1}^{n} \lVert x_i - c_{\ell_i} \rVert^2

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    centers : array_like, shape (n_clusters, n_features)
    labels : array_like of int, shape (n_samples,)

    Returns
    -------
    float

    Raises
    ------
    ValueError
        On shapes that do not match, or a label outside ``[0, n_clusters)``.

    Examples
    --------
    >>> inertia([[0.0], [2.0], [10.0]], [[1.0], [10.0]], [0, 0, 1])
    2.0
    """
    X = _as_data(X)
    C = _as_centers(centers, X.shape[1])
    lab = _as_labels(labels, X.shape[0], C.shape[0])
    diff = X - C[lab]  # (n_samples, n_features)
    return float(np.einsum("ij,ij->", diff, diff))


def kmeans_plus_plus(X: ArrayLike, n_clusters: int, rng: Any,
                     n_local_trials: int = 1) -> FloatArray:
    r"""k-means++ seeding: spread the first centres out, at random.

    The first centre is a sample chosen uniformly. Each next centre is a sample chosen with
    probability proportional to :math:`D(x)^2`, its squared distance to the nearest centre
    chosen so far:

    .. math:: P(x_i) = \frac{D(x_i)^2}{\sum_m D(x_m)^2}.

    With ``n_local_trials > 1`` (scikit-learn's "greedy" k-means++ uses
    :math:`2 + \lfloor \ln k \rfloor`), that many candidates are drawn this way and the one
    that lowers :math:`\sum_m D(x_m)^2` the most is kept. If every sample already sits on a
    centre (duplicates), the next one is drawn uniformly.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    n_clusters : int
        ``1 <= n_clusters <= n_samples``.
    rng : numpy.random.Generator or numpy.random.RandomState
        The only source of randomness (``rng.choice`` and ``rng.uniform``).
    n_local_trials : int, default 1
        Candidates per centre after the first; 1 is plain k-means++.

    Returns
    -------
    centers : ndarray, shape (n_clusters, n_features)
        Rows of ``X``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``n_clusters`` is not between 1 and ``n_samples``.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.1, 0.0], [10.0, 10.0]])
    >>> C = kmeans_plus_plus(X, 2, np.random.default_rng(0))
    >>> C.shape
    (2, 2)
    """
    X = _as_data(X)
    n_samples = X.shape[0]
    if isinstance(n_clusters, bool) or not isinstance(n_clusters, (int, np.integer)) \
            or not 1 <= n_clusters <= n_samples:
        raise ValueError(f"n_clusters must be an int between 1 and n_samples={n_samples}, got "
                         f"{n_clusters!r}")
    if n_local_trials < 1:
        raise ValueError(f"n_local_trials must be >= 1, got {n_local_trials}")
    x2 = np.einsum("ij,ij->i", X, X)  # (n_samples,) squared norms, reused below
    centers = np.empty((n_clusters, X.shape[1]))
    first = int(rng.choice(n_samples))
    centers[0] = X[first]
    closest = _squared_distances(X, X[[first]], x2)[:, 0]  # D(x)^2, shape (n_samples,)
    for c in range(1, n_clusters):
        # Draw with P(i) proportional to D(x_i)^2: a uniform number in [0, total) falls into
        # sample i's slice of the cumulative sum with exactly that probability.
        cumulative = np.cumsum(closest)  # (n_samples,)
        if cumulative[-1] > 0:
            u = rng.uniform(size=n_local_trials) * cumulative[-1]
            candidates = np.minimum(np.searchsorted(cumulative, u, side="right"), n_samples - 1)
        else:  # every sample already sits on a centre (duplicates): draw uniformly
            candidates = np.atleast_1d(rng.choice(n_samples, size=n_local_trials))
        # D(x)^2 if each candidate were added, shape (n_local_trials, n_samples)
        to_candidates = _squared_distances(X, X[candidates], x2).T
        np.minimum(to_candidates, closest, out=to_candidates)
        best = int(np.argmin(to_candidates.sum(axis=1)))
        centers[c] = X[candidates[best]]
        closest = to_candidates[best]
    return centers


def lloyd(X: ArrayLike, centers: ArrayLike, max_iter: int = 300,
          tol: float = 0.0) -> tuple[FloatArray, IntArray, float, int]:
    r"""Lloyd's algorithm: alternate the assignment and update steps until nothing moves.

    Each iteration assigns every sample to its nearest centre, moves each centre to its
    samples' mean, and stops once the total squared movement of the centres,
    :math:`\sum_j \lVert c_j^{new} - c_j \rVert^2`, is at most ``tol`` (with ``tol = 0``: until
    the assignments stop changing), or after ``max_iter`` iterations. The returned labels are
    the assignment to the *final* centres, and the inertia is theirs.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    centers : array_like, shape (n_clusters, n_features)
        The starting centres (not modified).
    max_iter : int, default 300
    tol : float, default 0.0
        Absolute tolerance on the total squared centre shift.

    Returns
    -------
    centers : ndarray, shape (n_clusters, n_features)
    labels : ndarray of int, shape (n_samples,)
    inertia : float
    n_iter : int
        The number of iterations run (1 to ``max_iter``).

    Raises
    ------
    ValueError
        On shapes that do not match, ``max_iter < 1`` or ``tol < 0``.

    Examples
    --------
    >>> X = [[0.0], [1.0], [10.0], [11.0]]
    >>> C, labels, J, n_iter = lloyd(X, [[0.0], [1.0]])
    >>> C.ravel(), labels, J
    (array([ 0.5, 10.5]), array([0, 0, 1, 1]), 1.0)
    """
    X = _as_data(X)
    C = _as_centers(centers, X.shape[1]).copy()
    if isinstance(max_iter, bool) or not isinstance(max_iter, (int, np.integer)) or max_iter < 1:
        raise ValueError(f"max_iter must be an int >= 1, got {max_iter!r}")
    if not tol >= 0:
        raise ValueError(f"tol must be >= 0, got {tol!r}")
    n_iter = 0
    for n_iter in range(1, max_iter + 1):  # noqa: B007 - n_iter is returned
        labels = _nearest(X, C)
        new = _means(X, labels, C)
        shift = float(((new - C) ** 2).sum())
        C = new
        if shift <= tol:
            break
    labels = _nearest(X, C)  # the labels of the final centres
    diff = X - C[labels]
    return C, labels, float(np.einsum("ij,ij->", diff, diff)), n_iter


# --------------------------------------------------------------------------------------------
# The estimator

class KMeans(ClassNamePrefixFeaturesOutMixin, TransformerMixin, ClusterMixin, BaseEstimator):
    """K-means clustering (Lloyd's algorithm), as ``sklearn.cluster.KMeans``.

    Parameters
    ----------
    n_clusters : int, default 8
    init : {"k-means++", "random"}, callable or array of shape (n_clusters, n_features)
        ``"k-means++"``: greedy k-means++ (:func:`kmeans_plus_plus` with
        ``2 + int(log(n_clusters))`` local trials, like scikit-learn); ``"random"``:
        ``n_clusters`` distinct samples; a callable ``init(X, n_clusters, random_state)``; or
        the starting centres themselves.
    n_init : "auto" or int, default "auto"
        How many starts to run, keeping the one with the lowest inertia. ``"auto"``: 1 for
        ``"k-means++"`` or an array, 10 for ``"random"`` or a callable (scikit-learn's rule).
    max_iter : int, default 300
    tol : float, default 1e-4
        Relative tolerance: a run stops once the total squared centre shift is at most
        ``tol * mean(np.var(X, axis=0))``.
    random_state : None, int or RandomState

    Attributes
    ----------
    cluster_centers_ : ndarray, shape (n_clusters, n_features)
    labels_ : ndarray of int, shape (n_samples,)
    inertia_ : float
    n_iter_ : int
    n_features_in_ : int
    """

    def __init__(self, n_clusters: int = 8, *, init: Any = "k-means++", n_init: Any = "auto",
                 max_iter: int = 300, tol: float = 1e-4, random_state: Any = None) -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    # -- parameters ---------------------------------------------------------------------------
    def _check_params(self, X: FloatArray) -> int:
        k = self.n_clusters
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
            raise ValueError(f"n_clusters must be an int >= 1, got {k!r}")
        if X.shape[0] < k:
            raise ValueError(f"n_samples={X.shape[0]} should be >= n_clusters={k}.")
        if isinstance(self.max_iter, bool) or not isinstance(self.max_iter, (int, np.integer)) \
                or self.max_iter < 1:
            raise ValueError(f"max_iter must be an int >= 1, got {self.max_iter!r}")
        if not isinstance(self.tol, (int, float, np.floating)) or not self.tol >= 0:
            raise ValueError(f"tol must be a number >= 0, got {self.tol!r}")
        init = self.init
        is_array = not isinstance(init, str) and not callable(init)
        if isinstance(init, str) and init not in ("k-means++", "random"):
            raise ValueError(f"init must be 'k-means++', 'random', a callable or an array, "
                             f"got {init!r}")
        if self.n_init == "auto":
            return 1 if is_array or init == "k-means++" else 10
        if isinstance(self.n_init, bool) or not isinstance(self.n_init, (int, np.integer)) \
                or self.n_init < 1:
            raise ValueError(f"n_init must be 'auto' or an int >= 1, got {self.n_init!r}")
        if is_array and self.n_init != 1:
            warnings.warn(f"Explicit initial center position passed: performing only one init "
                          f"in KMeans instead of n_init={self.n_init}.", RuntimeWarning,
                          stacklevel=3)
            return 1
        return int(self.n_init)

    def _initial_centers(self, X: FloatArray, rng: np.random.RandomState,
                         given: FloatArray | None) -> FloatArray:
        k = self.n_clusters
        if given is not None:
            return given
        if isinstance(self.init, str) and self.init == "k-means++":
            return kmeans_plus_plus(X, k, rng, n_local_trials=2 + int(np.log(k)))
        if isinstance(self.init, str) and self.init == "random":
            return X[rng.choice(X.shape[0], size=k, replace=False)]
        init: Callable[..., Any] = self.init
        centers = np.asarray(init(X, k, random_state=rng), dtype=float)
        if centers.shape != (k, X.shape[1]):
            raise ValueError(f"init returned centres of shape {centers.shape}, expected "
                             f"{(k, X.shape[1])}")
        return centers

    def _validated(self, X: ArrayLike, reset: bool) -> FloatArray:
        out: FloatArray = validate_data(self, X, dtype=np.float64, order="C", reset=reset)
        return out

    # -- fitting ------------------------------------------------------------------------------
    def fit(self, X: Any, y: Any = None) -> KMeans:
        """Cluster ``X``: run ``n_init`` starts of Lloyd's algorithm, keep the best."""
        X = self._validated(X, reset=True)
        n_init = self._check_params(X)
        rng = check_random_state(self.random_state)
        # Distances are computed on centred data: ||x||^2 - 2 x.c + ||c||^2 loses fewer digits
        # when the data sit far from the origin.
        X_mean = X.mean(axis=0)
        Xc = X - X_mean
        tol = float(np.mean(np.var(X, axis=0)) * self.tol)
        given = None
        if not isinstance(self.init, str) and not callable(self.init):
            given = np.array(self.init, dtype=float)
            if given.shape != (self.n_clusters, X.shape[1]):
                raise ValueError(f"The shape of the initial centers {given.shape} does not "
                                 f"match (n_clusters, n_features) = "
                                 f"{(self.n_clusters, X.shape[1])}.")
            given -= X_mean

        best: tuple[FloatArray, IntArray, float, int] | None = None
        for _ in range(n_init):
            start = self._initial_centers(Xc, rng, given)
            run = lloyd(Xc, start, max_iter=int(self.max_iter), tol=tol)
            if best is None or run[2] < best[2]:
                best = run
        assert best is not None
        centers, labels, best_inertia, n_iter = best
        if len(np.unique(labels)) < self.n_clusters:
            warnings.warn(f"Number of distinct clusters ({len(np.unique(labels))}) found "
                          f"smaller than n_clusters ({self.n_clusters}). Possibly due to "
                          "duplicate points in X.", ConvergenceWarning, stacklevel=2)
        self.cluster_centers_ = centers + X_mean
        self.labels_ = labels.astype(np.int32)
        self.inertia_ = best_inertia
        self.n_iter_ = n_iter
        self._n_features_out = self.n_clusters
        return self

    def _distances(self, X: ArrayLike) -> FloatArray:
        check_is_fitted(self)
        return _squared_distances(self._validated(X, reset=False), self.cluster_centers_)

    def predict(self, X: ArrayLike) -> NDArray[np.int32]:
        """The index of the nearest cluster centre for each sample."""
        return np.argmin(self._distances(X), axis=1).astype(np.int32)

    def fit_predict(self, X: ArrayLike, y: Any = None, **kwargs: Any) -> NDArray[np.int32]:
        """Fit, then return ``labels_``."""
        return self.fit(X).labels_

    def transform(self, X: ArrayLike) -> FloatArray:
        """Euclidean distances to every centre, shape (n_samples, n_clusters)."""
        return np.sqrt(self._distances(X))

    def fit_transform(self, X: ArrayLike, y: Any = None, **kwargs: Any) -> FloatArray:
        """Fit, then return the distances of ``X`` to the centres."""
        return self.fit(X).transform(X)

    def score(self, X: ArrayLike, y: Any = None) -> float:
        """Minus the inertia of ``X`` with respect to the fitted centres (higher is better)."""
        return -float(self._distances(X).min(axis=1).sum())
