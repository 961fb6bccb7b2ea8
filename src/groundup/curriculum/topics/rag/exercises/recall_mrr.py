"""Exercise rag.recall_mrr: recall@k and mean reciprocal rank, the two retrieval metrics.

Run `groundup lesson rag.grounded` for the lesson, `groundup check rag.recall_mrr` to check.
"""

from collections.abc import Hashable


def recall_at_k(ranked: list[list[Hashable]], relevant: list[set[Hashable]], k: int) -> float:
    r"""Mean over queries of the fraction of relevant ids found among the first ``k`` ranked.

    .. math:: \text{recall@}k = \frac{1}{|Q|}\sum_{q} \frac{|\{r_{q,1}, \dots, r_{q,k}\} \cap R_q|}{|R_q|}

    Parameters
    ----------
    ranked : list of lists of ids
        One ranking per query, best first (it may be shorter than ``k``).
    relevant : list of sets of ids
        The relevant ids of each query; none is empty.
    k : int
        ``>= 1``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the two lists differ in length or are empty, a relevant set is empty, or ``k < 1``.

    Examples
    --------
    >>> recall_at_k([[3, 1, 2], [5, 6]], [{1}, {7, 6}], k=2)
    0.75
    """
    # TODO: validate, then average the per-query recall.
    raise NotImplementedError


def mean_reciprocal_rank(ranked: list[list[Hashable]], relevant: list[set[Hashable]]) -> float:
    r"""Mean over queries of :math:`1 / \text{rank}` of the first relevant id.

    Ranks are counted from 1; a query whose ranking holds no relevant id contributes 0.

    .. math:: \text{MRR} = \frac{1}{|Q|}\sum_q \frac{1}{\operatorname{rank}_q}

    Raises
    ------
    ValueError
        If the two lists differ in length or are empty, or a relevant set is empty.

    Examples
    --------
    >>> mean_reciprocal_rank([[3, 1, 2], [5, 6], [4]], [{1}, {5}, {9}])
    0.5
    """
    # TODO: validate, find the first relevant position of each ranking, average 1 / rank.
    raise NotImplementedError
