"""Exercise rag.cosine_top_k: the k nearest documents by cosine similarity, without a loop.

Run `groundup lesson rag.retrieval` for the lesson, `groundup check rag.cosine_top_k` to check.
Loops (`for`, `while`, comprehensions) are not allowed: use whole-array operations.
"""

import numpy as np


def cosine_top_k(query: np.ndarray, docs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    r"""The ``k`` rows of ``docs`` most similar to ``query`` by cosine similarity.

    .. math:: \cos(q, d_i) = \frac{q \cdot d_i}{\lVert q\rVert\,\lVert d_i\rVert}

    Parameters
    ----------
    query : ndarray of shape (d,)
    docs : ndarray of shape (n, d)
    k : int
        ``1 <= k <= n``.

    Returns
    -------
    indices : ndarray of int, shape (k,)
        Best first; equal similarities keep the lower index first (a stable sort).
    scores : ndarray of float, shape (k,)
        Their cosine similarities.

    Raises
    ------
    ValueError
        If the shapes do not match, ``k`` is outside ``[1, n]``, or a vector is zero.

    Examples
    --------
    >>> cosine_top_k(np.array([1.0, 0.0]), np.array([[0.0, 2.0], [3.0, 0.1], [1.0, 1.0]]), 2)
    (array([1, 2]), array([0.99944491, 0.70710678]))
    """
    # TODO: validate, compute all n cosines at once, sort them (stable), keep the first k.
    raise NotImplementedError
