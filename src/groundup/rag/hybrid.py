r"""Hybrid retrieval by reciprocal-rank fusion (Cormack, Clarke & Büttcher, 2009).

BM25 scores (unbounded, query-dependent) and cosine similarities (in [-1, 1]) live on different
scales, so adding them is meaningless. RRF uses only *ranks*: a document at rank :math:`r`
(1 = best) in a ranking earns :math:`1 / (k + r)`, summed over the rankings,

.. math:: \operatorname{RRF}(d) = \sum_{\text{rankings } R \ni d} \frac{1}{k + r_R(d)},
          \qquad k = 60.

The constant :math:`k` flattens the top: ranks 1 and 2 earn almost the same, so a document that
both retrievers place well beats one that only one retriever places first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]],
                           k: float = 60) -> tuple[np.ndarray, np.ndarray]:
    r"""Fuse several rankings of document ids into one.

    Parameters
    ----------
    rankings : list of lists of int
        Each ranking lists document ids, best first, each id at most once. Rankings may have
        different lengths and need not contain the same ids.
    k : float
        The smoothing constant, ``>= 0``.

    Returns
    -------
    ids : ndarray of int, shape (n_unique,)
        Every id that appears in some ranking, by decreasing fused score; equal scores are
        ordered by increasing id.
    scores : ndarray of float, shape (n_unique,)
        :math:`\sum_R 1 / (k + r_R(d))` with ranks counted from 1, summed in the order of the
        rankings.

    Examples
    --------
    >>> ids, scores = reciprocal_rank_fusion([[3, 1, 2], [1, 2]], k=60)
    >>> ids
    array([1, 2, 3])
    """
    if not k >= 0:
        raise ValueError(f"k must be >= 0, got {k}")
    fused: dict[int, float] = {}
    for ranking in rankings:
        ranking = [int(doc) for doc in ranking]
        if len(set(ranking)) != len(ranking):
            raise ValueError("a ranking lists the same id twice: each id may appear once per ranking")
        for rank, doc in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + 1.0 / (k + rank)
    ordered = sorted(fused, key=lambda doc: (-fused[doc], doc))
    return (np.array(ordered, dtype=np.int64),
            np.array([fused[doc] for doc in ordered], dtype=float))
