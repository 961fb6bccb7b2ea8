"""Exercise attn.causal_mask: the causal mask, and attention with a mask.

Run `groundup lesson attn.attention` for the lesson, `groundup check attn.causal_mask` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def causal_mask(T: int) -> np.ndarray:
    r"""The causal mask: position :math:`i` may attend to position :math:`j` only if
    :math:`j \le i` (the past and itself, never the future).

    .. math:: M_{ij} = [\, j \le i \,]

    Parameters
    ----------
    T : int
        The number of positions, at least 1.

    Returns
    -------
    np.ndarray of bool, shape (T, T)
        True where attending is allowed: the lower triangle, diagonal included.

    Raises
    ------
    ValueError
        If T < 1.

    Examples
    --------
    >>> causal_mask(3).astype(int)
    array([[1, 0, 0],
           [1, 1, 0],
           [1, 1, 1]])
    """
    # TODO: a boolean lower triangle (np.tril), after checking T.
    raise NotImplementedError


def masked_attention(Q: ArrayLike, K: ArrayLike, V: ArrayLike, mask: ArrayLike | None = None,
                     is_causal: bool = False) -> np.ndarray:
    r"""Scaled dot-product attention with a mask, as PyTorch's
    ``scaled_dot_product_attention(Q, K, V, attn_mask=mask, is_causal=is_causal)``.

    .. math:: \operatorname{softmax}\!\Big(\frac{QK^\top}{\sqrt{E}} + M\Big) V, \qquad
              M_{ij} = \begin{cases} 0 & \text{mask}_{ij} \\ -\infty & \text{otherwise}
              \end{cases}

    A query whose mask row is all False may attend to nothing: its output is a row of zeros.

    Parameters
    ----------
    Q : array_like, shape (..., L, E)
    K : array_like, shape (..., S, E)
    V : array_like, shape (..., S, Ev)
    mask : array_like of bool, shape (L, S) (or broadcastable (..., L, S)), optional
        True where query i **may** attend to key j.
    is_causal : bool, default False
        Use the causal mask ``np.tril(np.ones((L, S), dtype=bool))``.

    Returns
    -------
    np.ndarray, shape (..., L, Ev)

    Raises
    ------
    ValueError
        If the shapes do not fit, the mask is not (..., L, S), or both ``mask`` and
        ``is_causal`` are given.

    Examples
    --------
    >>> X = np.eye(2)
    >>> masked_attention(X, X, np.array([[1.0], [3.0]]), is_causal=True)[0]   # sees only V[0]
    array([1.])
    """
    # TODO: build the mask (is_causal or the given one), put -inf where it is False, softmax
    # over the keys, zeros for queries that see nothing, then @ V.
    raise NotImplementedError
