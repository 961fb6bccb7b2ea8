"""Exercise attn.scaled_dot_product: scaled dot-product attention.

Run `groundup lesson attn.attention` for the lesson, `groundup check attn.scaled_dot_product`
to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def scaled_dot_product_attention(Q: ArrayLike, K: ArrayLike, V: ArrayLike) -> np.ndarray:
    r"""Attention as a soft lookup: every query takes a weighted average of the values.

    .. math:: \operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\Big(
              \frac{Q K^\top}{\sqrt{E}}\Big) V

    The softmax runs along the keys (the last axis of the scores), so each query's weights
    are positive and sum to 1.

    Parameters
    ----------
    Q : array_like, shape (..., L, E)
        L queries of size E. Leading axes (a batch, heads) are kept.
    K : array_like, shape (..., S, E)
        S keys of the same size E.
    V : array_like, shape (..., S, Ev)
        One value per key.

    Returns
    -------
    np.ndarray, shape (..., L, Ev)

    Raises
    ------
    ValueError
        If Q and K differ in their last axis, or K and V in their number of positions.

    Examples
    --------
    >>> Q = np.array([[1.0, 0.0]]); K = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> V = np.array([[10.0], [20.0]])
    >>> scaled_dot_product_attention(Q, K, V).round(3)   # leans towards the first key
    array([[13.302]])
    """
    # TODO: check the shapes; scores = Q K^T / sqrt(E) (swap only the last two axes of K);
    # a numerically stable softmax over the last axis; return weights @ V.
    raise NotImplementedError
