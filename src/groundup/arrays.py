"""NumPy the way it is meant to be used: whole arrays, broadcasting, masks, axes and dtypes.

Phase 2 of the course. Every function here is what a learner writes in an exercise of the
``numpy`` topic, and each is tested against SciPy, scikit-learn and NumPy's own routines
(``tests/reference/test_arrays.py``). None of them has a Python loop: the loops run inside
NumPy, in compiled code, one to three orders of magnitude faster.
"""

from __future__ import annotations

import operator
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


# --------------------------------------------------------------------------------------------
# Helpers

def _matrix(X: ArrayLike, name: str = "X") -> FloatArray:
    """A 2-D float array, or ValueError."""
    arr = np.asarray(X, dtype=float)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array of shape (n_samples, n_features), "
                         f"got shape {arr.shape}")
    return arr


def _whole_number(value: Any, name: str) -> int:
    """A Python int from an int-like value (``3``, ``np.int64(3)``), or ValueError."""
    try:
        return operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be a whole number, got {value!r}") from None


# --------------------------------------------------------------------------------------------
# Vectorisation and broadcasting

def pairwise_distances(X: ArrayLike, Y: ArrayLike) -> FloatArray:
    r"""Euclidean distance between every row of ``X`` and every row of ``Y``.

    .. math:: D_{ij} = \lVert x_i - y_j \rVert_2 = \sqrt{\textstyle\sum_k (X_{ik} - Y_{jk})^2}

    Broadcasting ``X[:, None, :] - Y[None, :, :]`` forms all the differences at once, an
    array of shape (n, m, d); summing the squares over the last axis gives (n, m).

    Parameters
    ----------
    X : array_like, shape (n, d)
    Y : array_like, shape (m, d)

    Returns
    -------
    ndarray, shape (n, m)

    Raises
    ------
    ValueError
        If ``X`` or ``Y`` is not 2-D, or their numbers of columns differ.

    Examples
    --------
    >>> pairwise_distances([[0.0, 0.0], [3.0, 4.0]], [[0.0, 0.0]])
    array([[0.],
           [5.]])
    """
    X, Y = _matrix(X, "X"), _matrix(Y, "Y")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(f"X and Y must have the same number of columns, got {X.shape[1]} "
                         f"and {Y.shape[1]}")
    diff = X[:, None, :] - Y[None, :, :]  # (n, 1, d) - (1, m, d) -> (n, m, d)
    return np.sqrt((diff * diff).sum(axis=-1))  # (n, m)


def standardize_columns(X: ArrayLike) -> FloatArray:
    r"""Give every column mean 0 and standard deviation 1, like scikit-learn's StandardScaler.

    .. math:: Z_{ij} = \frac{X_{ij} - \mu_j}{\sigma_j}, \qquad
              \mu_j = \frac{1}{n}\sum_i X_{ij}, \qquad
              \sigma_j = \sqrt{\frac{1}{n}\sum_i (X_{ij} - \mu_j)^2}

    A constant column (:math:`\sigma_j = 0`) becomes all zeros instead of 0 / 0.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        At least one row.

    Returns
    -------
    ndarray, shape (n_samples, n_features)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or has no rows.

    Examples
    --------
    >>> standardize_columns([[1.0, 5.0], [3.0, 5.0]])
    array([[-1.,  0.],
           [ 1.,  0.]])
    """
    X = _matrix(X)
    if X.shape[0] == 0:
        raise ValueError("X must have at least one row")
    mu = X.mean(axis=0, keepdims=True)  # (1, n_features)
    centred = X - mu
    sigma = np.sqrt((centred * centred).mean(axis=0, keepdims=True))  # (1, n_features)
    safe = np.where(sigma > 0, sigma, 1.0)  # constant column: leave the zeros alone
    return centred / safe


def softmax(Z: ArrayLike) -> FloatArray:
    r"""Softmax over the last axis (each row of a 2-D array), stable for huge logits.

    .. math:: \operatorname{softmax}(z)_k = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}},
              \qquad m = \max_j z_j

    Subtracting the row's maximum changes nothing on paper (it cancels) but keeps every
    exponent :math:`\le 0`, so nothing overflows.

    Parameters
    ----------
    Z : array_like, shape (..., k)
        Logits; at least 1-D with ``k >= 1``.

    Returns
    -------
    ndarray, same shape as ``Z``
        Non-negative; sums to 1 along the last axis.

    Raises
    ------
    ValueError
        If ``Z`` is a single number or its last axis is empty.

    Examples
    --------
    >>> softmax([[0.0, 0.0], [1000.0, 1000.0]])
    array([[0.5, 0.5],
           [0.5, 0.5]])
    """
    Z = np.asarray(Z, dtype=float)
    if Z.ndim == 0 or Z.shape[-1] == 0:
        raise ValueError(f"Z must have a non-empty last axis, got shape {Z.shape}")
    shifted = Z - Z.max(axis=-1, keepdims=True)  # (..., k) - (..., 1)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def moving_average(x: ArrayLike, window: int) -> FloatArray:
    r"""The mean of every ``window`` consecutive values (NumPy's ``convolve`` mode "valid").

    .. math:: a_i = \frac{1}{w}\sum_{j=i}^{i+w-1} x_j = \frac{c_{i+w} - c_i}{w},
              \qquad c_i = \sum_{j<i} x_j \ (c_0 = 0)

    Parameters
    ----------
    x : array_like, shape (n,)
    window : int
        ``1 <= window <= n``.

    Returns
    -------
    ndarray, shape (n - window + 1,)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or ``window`` is not a whole number in ``[1, n]``.

    Examples
    --------
    >>> moving_average([1.0, 2.0, 3.0, 4.0], 2)
    array([1.5, 2.5, 3.5])
    """
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    window = _whole_number(window, "window")
    if not 1 <= window <= x.size:
        raise ValueError(f"window must be between 1 and len(x) = {x.size}, got {window}")
    c = np.concatenate([[0.0], np.cumsum(x)])  # (n + 1,): c[i] = x[0] + ... + x[i - 1]
    return (c[window:] - c[:-window]) / window


# --------------------------------------------------------------------------------------------
# Masks, fancy indexing and axes

def one_hot(y: ArrayLike, n_classes: int | None = None) -> FloatArray:
    r"""One-hot encode integer labels: row ``i`` is all zeros except a 1 in column ``y[i]``.

    .. math:: H_{ik} = [\,y_i = k\,], \qquad k = 0, \dots, K - 1

    Parameters
    ----------
    y : array_like of int, shape (n,)
        Labels in ``0 .. n_classes - 1``.
    n_classes : int, optional
        ``K``; by default ``max(y) + 1``.

    Returns
    -------
    ndarray of float, shape (n, n_classes)

    Raises
    ------
    ValueError
        If ``y`` is not 1-D, holds a negative or non-whole label, a label ``>= n_classes``, or
        if ``n_classes`` cannot be inferred (empty ``y`` without ``n_classes``).

    Examples
    --------
    >>> one_hot([2, 0, 1])
    array([[0., 0., 1.],
           [1., 0., 0.],
           [0., 1., 0.]])
    """
    y_arr = np.asarray(y)
    if y_arr.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y_arr.shape}")
    if y_arr.size and (y_arr.dtype.kind not in "biuf" or np.any(y_arr != np.round(y_arr))):
        raise ValueError("y must hold whole-number class labels")
    labels = y_arr.astype(np.int64)
    if np.any(labels < 0):
        raise ValueError("class labels must be non-negative")
    if n_classes is None:
        if labels.size == 0:
            raise ValueError("cannot infer n_classes from an empty y; pass n_classes")
        n_classes = int(labels.max()) + 1
    n_classes = _whole_number(n_classes, "n_classes")
    if n_classes < 1:
        raise ValueError(f"n_classes must be at least 1, got {n_classes}")
    if labels.size and labels.max() >= n_classes:
        raise ValueError(f"label {labels.max()} is out of range for n_classes = {n_classes}")
    # Row i of the identity is the one-hot vector of class i: pick the rows the labels name.
    return np.eye(n_classes)[labels]  # (n, n_classes)


def replace_outliers(X: ArrayLike, k: float = 3.0) -> FloatArray:
    r"""Replace, column by column, the values more than ``k`` standard deviations from the mean.

    A value :math:`X_{ij}` is an outlier when :math:`|X_{ij} - \mu_j| > k\,\sigma_j` (mean and
    population standard deviation of column ``j``); it is replaced by the column's median.
    Constant columns have no outliers.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        At least one row.
    k : float
        The threshold, ``> 0``.

    Returns
    -------
    ndarray, shape (n_samples, n_features)
        A new array; ``X`` itself is left unchanged.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has no rows, or ``k <= 0``.

    Examples
    --------
    >>> replace_outliers([[1.0], [2.0], [3.0], [100.0]], k=1.5)
    array([[1. ],
           [2. ],
           [3. ],
           [2.5]])
    """
    X = _matrix(X)
    if X.shape[0] == 0:
        raise ValueError("X must have at least one row")
    if not k > 0:
        raise ValueError(f"k must be > 0, got {k}")
    mu = X.mean(axis=0, keepdims=True)  # (1, n_features)
    sigma = X.std(axis=0, keepdims=True)  # (1, n_features)
    outlier = np.abs(X - mu) > k * sigma  # (n_samples, n_features), boolean mask
    median = np.median(X, axis=0, keepdims=True)  # (1, n_features)
    return np.where(outlier, median, X)


def top_k(X: ArrayLike, k: int) -> tuple[FloatArray, NDArray[np.int64]]:
    r"""The ``k`` largest values of every row and their column indices, largest first.

    Like ``torch.topk(X, k, dim=1)``: ``values[i, r]`` is the ``r``-th largest entry of row
    ``i`` and ``indices[i, r]`` its column, so ``values == np.take_along_axis(X, indices, 1)``.

    Parameters
    ----------
    X : array_like, shape (n, m)
    k : int
        ``0 <= k <= m``.

    Returns
    -------
    values : ndarray of float, shape (n, k)
    indices : ndarray of int, shape (n, k)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``k`` is not a whole number in ``[0, m]``.

    Examples
    --------
    >>> top_k([[0.1, 0.7, 0.2]], 2)
    (array([[0.7, 0.2]]), array([[1, 2]]))
    """
    X = _matrix(X)
    k = _whole_number(k, "k")
    if not 0 <= k <= X.shape[1]:
        raise ValueError(f"k must be between 0 and the number of columns {X.shape[1]}, got {k}")
    # A stable sort of -X puts the largest first and keeps ties in column order.
    indices = np.argsort(-X, axis=1, kind="stable")[:, :k]  # (n, k)
    return np.take_along_axis(X, indices, axis=1), indices.astype(np.int64)


# --------------------------------------------------------------------------------------------
# dtypes

def _image(img: ArrayLike, name: str) -> NDArray[np.uint8]:
    arr = np.asarray(img)
    if arr.dtype != np.uint8:
        raise ValueError(f"{name} must be a uint8 image, got dtype {arr.dtype}")
    return arr


def image_mse(a: ArrayLike, b: ArrayLike) -> float:
    r"""Mean squared difference between two uint8 images, computed without wrap-around.

    .. math:: \mathrm{MSE} = \frac{1}{N}\sum_p (a_p - b_p)^2

    In uint8, ``3 - 5`` is ``254``: convert to a wider type *before* subtracting.

    Parameters
    ----------
    a, b : array_like of uint8, same shape (any, e.g. (H, W) or (H, W, 3)), not empty

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If a dtype is not uint8, the shapes differ, or the images are empty.

    Examples
    --------
    >>> image_mse(np.array([3, 10], np.uint8), np.array([5, 10], np.uint8))
    2.0
    """
    a, b = _image(a, "a"), _image(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    if a.size == 0:
        raise ValueError("the images are empty")
    diff = a.astype(np.float64) - b.astype(np.float64)
    return float((diff * diff).mean())


def adjust_brightness(img: ArrayLike, delta: int) -> NDArray[np.uint8]:
    r"""Add ``delta`` to every pixel of a uint8 image, saturating at 0 and 255.

    .. math:: \mathrm{out}_p = \min(255, \max(0, \mathrm{img}_p + \delta))

    Parameters
    ----------
    img : array_like of uint8
    delta : int
        May be negative.

    Returns
    -------
    ndarray of uint8, same shape as ``img``

    Raises
    ------
    ValueError
        If ``img`` is not uint8 or ``delta`` is not a whole number.

    Examples
    --------
    >>> adjust_brightness(np.array([10, 200, 250], np.uint8), 10)
    array([ 20, 210, 255], dtype=uint8)
    """
    img = _image(img, "img")
    delta = _whole_number(delta, "delta")
    wide = img.astype(np.int64) + delta  # no wrap-around in int64
    return np.clip(wide, 0, 255).astype(np.uint8)


def running_total(x: ArrayLike) -> FloatArray:
    r"""Cumulative sums :math:`s_i = x_0 + \dots + x_i`, accumulated in float64.

    Even when ``x`` is float32: a float32 total has about 7 significant digits, so adding a
    million readings of 0.1 to it drifts by about 1%.

    Parameters
    ----------
    x : array_like, shape (n,)

    Returns
    -------
    ndarray of float64, shape (n,)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D.

    Examples
    --------
    >>> running_total(np.array([0.5, 0.25, 0.25], dtype=np.float32))
    array([0.5 , 0.75, 1.  ])
    """
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    return np.cumsum(x, dtype=np.float64)


# --------------------------------------------------------------------------------------------
# Reproducible randomness

def bootstrap_means(x: ArrayLike, n_resamples: int,
                    seed: int | np.random.Generator | None = None) -> FloatArray:
    r"""Means of ``n_resamples`` bootstrap resamples of ``x``, reproducible from ``seed``.

    A bootstrap resample draws ``n`` values from ``x`` with replacement. With
    ``rng = np.random.default_rng(seed)`` the row indices are
    ``rng.integers(0, n, size=(n_resamples, n))``; resample ``b`` is ``x[idx[b]]``. The
    spread of the means estimates the standard error of the mean,
    :math:`\sigma / \sqrt{n}`.

    Parameters
    ----------
    x : array_like, shape (n,)
        At least one value.
    n_resamples : int
        At least 1.
    seed : int or numpy.random.Generator, optional
        The same seed gives the same means; the global ``np.random`` state is never touched.

    Returns
    -------
    ndarray, shape (n_resamples,)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or is empty, or ``n_resamples < 1``.

    Examples
    --------
    >>> m = bootstrap_means([1.0, 2.0, 3.0, 4.0], 1000, seed=0)
    >>> m.shape, bool(np.all(m == bootstrap_means([1.0, 2.0, 3.0, 4.0], 1000, seed=0)))
    ((1000,), True)
    """
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1-D array, got shape {x.shape}")
    n_resamples = _whole_number(n_resamples, "n_resamples")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(n_resamples, x.size))  # (n_resamples, n)
    return x[idx].mean(axis=1)  # (n_resamples,)
