"""Exercise rag.rrf: fuse the BM25 and dense rankings by reciprocal-rank fusion.

Run `groundup lesson rag.retrieval` for the lesson, `groundup check rag.rrf` to check.
"""

import numpy as np


def reciprocal_rank_fusion(rankings: list[list[int]], k: float = 60) -> tuple[np.ndarray, np.ndarray]:
    r"""Fuse several rankings of document ids into one.

    .. math:: \operatorname{RRF}(d) = \sum_{\text{rankings } R \ni d} \frac{1}{k + r_R(d)}

    with :math:`r_R(d)` the rank of :math:`d` in :math:`R`, **counted from 1**.

    Parameters
    ----------
    rankings : list of lists of int
        Each lists document ids, best first, each id at most once. Rankings may have different
        lengths and different ids.
    k : float
        The smoothing constant, ``>= 0``.

    Returns
    -------
    ids : ndarray of int, shape (n_unique,)
        Every id that appears in some ranking, by decreasing fused score; equal scores are
        ordered by increasing id.
    scores : ndarray of float, shape (n_unique,)
        The fused scores, summed in the order of the rankings.

    Raises
    ------
    ValueError
        If a ranking lists an id twice, or ``k < 0``.

    Examples
    --------
    >>> ids, scores = reciprocal_rank_fusion([[3, 1, 2], [1, 2]], k=60)
    >>> ids
    array([1, 2, 3])
    >>> scores.round(5)
    array([0.03252, 0.032  , 0.01639])
    """
    # TODO: add 1 / (k + rank) for every (ranking, document), then sort.
    raise NotImplementedError
