"""Vectors: addition, scaling, dot product, norm and cosine similarity (phase 1)."""

from __future__ import annotations

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


def add(u, v):  # placeholder until the vectors exercises land
    raise NotImplementedError


scale = norm = cosine_similarity = add
