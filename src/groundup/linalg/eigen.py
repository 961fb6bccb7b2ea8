"""Eigenvalues, eigenvectors and dimensionality reduction (phase 1).

Power iteration for the dominant eigenvalue of any square matrix, the cyclic Jacobi method for
the full eigendecomposition of a symmetric matrix, the sample covariance matrix, and principal
component projection built on those two. Everything is plain NumPy: no ``numpy.linalg``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


def _square(A: ArrayLike, name: str = "A") -> FloatArray:
    arr = np.asarray(A, dtype=float)
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise ValueError(f"{name} must be a square 2-D matrix, got an array of shape {arr.shape}")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} must have at least one row, got shape {arr.shape}")
    return arr


def _length(v: FloatArray) -> float:
    return float(np.sqrt(v @ v))


def power_iteration(A: ArrayLike, num_iters: int = 1000,
                    tol: float = 1e-10) -> tuple[float, FloatArray]:
    r"""The dominant eigenvalue (largest :math:`|\lambda|`) of a square matrix and its eigenvector.

    Repeatedly multiply a start vector by :math:`A` and rescale it to length 1:

    .. math:: v_{t+1} = \frac{A v_t}{\lVert A v_t \rVert}, \qquad
              \lambda = v^\top A v \quad (\text{the Rayleigh quotient}).

    The component along the dominant eigenvector grows like :math:`|\lambda_1|^t`, every other
    one like :math:`|\lambda_i|^t`, so :math:`v_t` turns towards the dominant eigenvector at the
    rate :math:`|\lambda_2 / \lambda_1|`. It needs a single real dominant eigenvalue (not a
    pair :math:`\pm\lambda` or a complex pair).

    Parameters
    ----------
    A : array_like, shape (n, n)
    num_iters : int
        The most iterations to run.
    tol : float
        Stop when :math:`v` changes by less than this (up to sign: with a negative
        :math:`\lambda_1` the vector flips at every step).

    Returns
    -------
    eigenvalue : float
    eigenvector : ndarray, shape (n,)
        Unit length. Its sign is whatever the iteration ends on.

    Raises
    ------
    ValueError
        If ``A`` is not a non-empty square matrix, or ``num_iters < 1``.

    Examples
    --------
    >>> lam, v = power_iteration([[2.0, 1.0], [1.0, 2.0]])
    >>> round(lam, 6), np.round(np.abs(v), 6)
    (3.0, array([0.707107, 0.707107]))
    """
    A = _square(A)
    if num_iters < 1:
        raise ValueError(f"num_iters must be at least 1, got {num_iters}")
    n = A.shape[0]
    # A fixed, seeded random start: deterministic, and (almost surely) not orthogonal to the
    # dominant eigenvector, unlike a "nice" vector such as np.ones(n).
    start = np.random.default_rng(0).normal(size=(n,))  # (n,)
    v: FloatArray = start / _length(start)
    for _ in range(num_iters):
        Av: FloatArray = A @ v
        size = _length(Av)
        if size == 0.0:  # A v = 0: v is an eigenvector with eigenvalue 0
            return 0.0, v
        w = Av / size
        change = min(_length(w - v), _length(w + v))
        v = w
        if change < tol:
            break
    return float(v @ A @ v), v


def eigh(A: ArrayLike, tol: float = 1e-12,
         max_sweeps: int = 100) -> tuple[FloatArray, FloatArray]:
    r"""Eigenvalues and eigenvectors of a symmetric matrix (the cyclic Jacobi method).

    Find an orthogonal :math:`V` and a diagonal :math:`\Lambda` with

    .. math:: A = V \Lambda V^\top, \qquad A V = V \Lambda, \qquad V^\top V = I.

    Each Jacobi rotation :math:`J` (an identity matrix with a 2x2 rotation in rows and columns
    :math:`p, q`) makes :math:`A_{pq} = 0` in :math:`A \leftarrow J^\top A J`, with the angle

    .. math:: \tan 2\theta = \frac{2 A_{pq}}{A_{qq} - A_{pp}}.

    A sweep rotates every pair :math:`p < q` in turn; a later rotation can spoil an earlier
    zero, but the sum of the squared off-diagonal entries shrinks every time, so a few sweeps
    leave a diagonal matrix: the eigenvalues. The product of the rotations holds the
    eigenvectors in its columns.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A symmetric matrix.
    tol : float
        Stop when the off-diagonal entries are this small, relative to the size of ``A``.
    max_sweeps : int
        The most sweeps to run.

    Returns
    -------
    w : ndarray, shape (n,)
        The eigenvalues, in ascending order.
    V : ndarray, shape (n, n)
        The eigenvectors, as orthonormal columns: ``A @ V[:, i] == w[i] * V[:, i]``.

    Raises
    ------
    ValueError
        If ``A`` is not a non-empty square, symmetric matrix.

    Examples
    --------
    >>> w, V = eigh([[2.0, 1.0], [1.0, 2.0]])
    >>> np.round(w, 6)
    array([1., 3.])
    """
    A = _square(A)
    if not np.allclose(A, A.T, rtol=1e-8, atol=1e-10):
        raise ValueError("A must be symmetric (A == A.T)")
    D = (A + A.T) / 2  # (n, n); removes rounding asymmetry
    n = D.shape[0]
    V = np.eye(n)
    scale = np.sqrt((D * D).sum())
    for _ in range(max_sweeps):
        off_diagonal = D - np.diag(np.diag(D))  # (n, n)
        if np.sqrt((off_diagonal * off_diagonal).sum()) <= tol * scale:
            break
        for p in range(n - 1):
            for q in range(p + 1, n):
                if abs(D[p, q]) <= 1e-300 * scale:  # already zero (and tau would overflow)
                    continue
                # The smaller root t = tan(theta) of t^2 + 2 tau t - 1 = 0, written without
                # cancellation; it keeps |theta| <= pi/4 (the rotation that converges).
                tau = (D[q, q] - D[p, p]) / (2 * D[p, q])
                t = (1.0 if tau >= 0 else -1.0) / (abs(tau) + np.hypot(1.0, tau))
                c = 1 / np.hypot(1.0, t)
                s = t * c
                J = np.eye(n)
                J[p, p], J[q, q], J[p, q], J[q, p] = c, c, s, -s
                D = J.T @ D @ J
                V = V @ J
    w = np.diag(D).copy()
    order = np.argsort(w, kind="stable")
    return w[order], V[:, order]


def covariance(X: ArrayLike) -> FloatArray:
    r"""The sample covariance matrix of a data set (one row a sample).

    .. math:: \Sigma = \frac{1}{n - 1} (X - \bar{x})^\top (X - \bar{x}), \qquad
              \Sigma_{jk} = \frac{1}{n - 1} \sum_{i=1}^{n} (x_{ij} - \bar{x}_j)(x_{ik} - \bar{x}_k)

    where :math:`\bar{x}` is the mean of each column (feature). Same as
    ``numpy.cov(X, rowvar=False)`` (``ddof=1``).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)

    Returns
    -------
    ndarray, shape (n_features, n_features)
        Symmetric; the variances on the diagonal.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or has fewer than 2 samples.

    Examples
    --------
    >>> covariance([[0.0, 0.0], [2.0, 4.0]])
    array([[2., 4.],
           [4., 8.]])
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    n_samples = X.shape[0]
    if n_samples < 2:
        raise ValueError(f"X needs at least 2 samples (rows) for a covariance, got {n_samples}")
    Xc = X - X.mean(axis=0)  # (n_samples, n_features)
    return Xc.T @ Xc / (n_samples - 1)


def pca_project(X: ArrayLike, k: int) -> FloatArray:
    r"""Project data onto its top ``k`` principal components.

    Centre the data, take the eigenvectors :math:`v_1, \dots, v_k` of the covariance matrix
    with the :math:`k` largest eigenvalues (largest first), and project:

    .. math:: Z = (X - \bar{x}) \, [v_1 \; v_2 \; \cdots \; v_k]

    Sign convention: an eigenvector is only defined up to sign, so each :math:`v_j` is flipped,
    if needed, to make its entry of largest magnitude positive.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    k : int
        The number of components, ``1 <= k <= n_features``.

    Returns
    -------
    Z : ndarray, shape (n_samples, k)
        Column ``j`` holds the coordinates along component ``j``; its variance is the
        ``j``-th largest eigenvalue.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has fewer than 2 samples, or ``k`` is out of range.

    Examples
    --------
    >>> Z = pca_project([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], k=1)
    >>> np.round(Z.ravel(), 6)
    array([-1.414214,  0.      ,  1.414214])
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    n_features = X.shape[1]
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError(f"k must be an int, got {type(k).__name__}")
    if not 1 <= k <= n_features:
        raise ValueError(f"k must be between 1 and n_features={n_features}, got {k}")
    w, V = eigh(covariance(X))  # ascending
    top = V[:, np.argsort(w, kind="stable")[::-1][:k]]  # (n_features, k), largest first
    biggest = top[np.abs(top).argmax(axis=0), np.arange(k)]  # (k,)
    top = top * np.where(biggest < 0, -1.0, 1.0)
    return (X - X.mean(axis=0)) @ top
