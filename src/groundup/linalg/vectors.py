"""Vectors: addition, scaling, dot product, norm and cosine similarity (phase 1)."""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray


def _vector(v: ArrayLike, name: str) -> NDArray[np.float64]:
    arr = np.asarray(v, dtype=float)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D vector, got an array of shape {arr.shape}")
    return arr


def dot(u: ArrayLike, v: ArrayLike) -> float:
    r"""Dot product of two vectors.

    .. math:: u \cdot v = \sum_{i=1}^{n} u_i v_i

    Parameters
    ----------
    u, v : array_like, shape (n,)

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``u`` or ``v`` is not 1-D, or their lengths differ.

    Examples
    --------
    >>> dot([1, 2, 3], [4, 5, 6])
    32.0
    """
    u, v = _vector(u, "u"), _vector(v, "v")
    if u.shape != v.shape:
        raise ValueError(f"u and v must have the same length, got {len(u)} and {len(v)}")
    return float((u * v).sum())


def add(u: ArrayLike, v: ArrayLike) -> NDArray[np.float64]:
    r"""Sum of two vectors, element by element.

    .. math:: (u + v)_i = u_i + v_i

    Parameters
    ----------
    u, v : array_like, shape (n,)
        Two vectors of the same length.

    Returns
    -------
    ndarray, shape (n,)
        A new float array; the inputs are left unchanged.

    Raises
    ------
    ValueError
        If ``u`` or ``v`` is not 1-D, or their lengths differ (no broadcasting).

    Examples
    --------
    >>> add([1, 2], [3, -1])
    array([4., 1.])
    """
    u, v = _vector(u, "u"), _vector(v, "v")
    if u.shape != v.shape:
        raise ValueError(f"u and v must have the same length, got {len(u)} and {len(v)}")
    return u + v


def scale(c: float, v: ArrayLike) -> NDArray[np.float64]:
    r"""A vector multiplied by a number (a *scalar*).

    .. math:: (c\,v)_i = c\,v_i

    Parameters
    ----------
    c : float
        The scalar (an int or float, not an array).
    v : array_like, shape (n,)

    Returns
    -------
    ndarray, shape (n,)
        A new float array: the arrow ``v`` stretched by ``c`` (flipped when ``c < 0``).

    Raises
    ------
    TypeError
        If ``c`` is not a real number.
    ValueError
        If ``v`` is not 1-D.

    Examples
    --------
    >>> scale(3, [1, -2])
    array([ 3., -6.])
    """
    if isinstance(c, bool) or not isinstance(c, numbers.Real):
        raise TypeError(f"c must be a real number, got {type(c).__name__}")
    v = _vector(v, "v")
    return float(c) * v


def norm(v: ArrayLike) -> float:
    r"""Euclidean length of a vector (like ``numpy.linalg.norm`` of a 1-D array).

    .. math:: \lVert v \rVert = \sqrt{v \cdot v} = \sqrt{\textstyle\sum_{i=1}^{n} v_i^2}

    Parameters
    ----------
    v : array_like, shape (n,)

    Returns
    -------
    float
        The length, ``>= 0``; ``0.0`` for the empty vector.

    Raises
    ------
    ValueError
        If ``v`` is not 1-D.

    Examples
    --------
    >>> norm([3, 4])
    5.0
    """
    v = _vector(v, "v")
    return float(np.sqrt((v * v).sum()))


def cosine_similarity(u: ArrayLike, v: ArrayLike) -> float:
    r"""Cosine of the angle between two vectors.

    .. math:: \cos\theta = \frac{u \cdot v}{\lVert u \rVert \, \lVert v \rVert}

    1 when the vectors point the same way, 0 when they are perpendicular, -1 when they point
    in opposite directions; the lengths do not matter.

    Parameters
    ----------
    u, v : array_like, shape (n,)
        Two non-zero vectors of the same length.

    Returns
    -------
    float
        A number in ``[-1, 1]``.

    Raises
    ------
    ValueError
        If ``u`` or ``v`` is not 1-D, their lengths differ, or either is the zero vector (its
        direction, and so the angle, is undefined).

    Examples
    --------
    >>> cosine_similarity([1, 0], [1, 1])  # 45 degrees
    0.7071067811865475
    """
    u, v = _vector(u, "u"), _vector(v, "v")
    if u.shape != v.shape:
        raise ValueError(f"u and v must have the same length, got {len(u)} and {len(v)}")
    norm_u, norm_v = norm(u), norm(v)
    if norm_u == 0.0:
        raise ValueError("u is the zero vector: the angle to it is undefined")
    if norm_v == 0.0:
        raise ValueError("v is the zero vector: the angle to it is undefined")
    cos = dot(u, v) / (norm_u * norm_v)
    return float(min(1.0, max(-1.0, cos)))  # rounding can step just outside [-1, 1]
