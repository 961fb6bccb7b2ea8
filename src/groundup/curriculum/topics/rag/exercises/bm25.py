"""Exercise rag.bm25: BM25 (Okapi) scores from scratch, as rank-bm25 computes them.

Run `groundup lesson rag.retrieval` for the lesson, `groundup check rag.bm25` to check.
"""

import numpy as np


def bm25_scores(corpus: list[list[str]], query: list[str], k1: float = 1.5, b: float = 0.75,
                epsilon: float = 0.25) -> np.ndarray:
    r"""BM25 score of each tokenized document of ``corpus`` for the tokenized ``query``.

    .. math::

        \operatorname{score}(D) = \sum_{j=1}^{m} \operatorname{idf}(q_j)\,
            \frac{f(q_j, D)\,(k_1 + 1)}{f(q_j, D) + k_1 (1 - b + b\,|D| / \overline{|D|})},
        \qquad
        \operatorname{idf}(t) = \log\frac{N - n_t + 0.5}{n_t + 0.5}

    where :math:`f(t, D)` counts term :math:`t` in :math:`D`, :math:`|D|` is the number of
    tokens of :math:`D`, :math:`\overline{|D|}` their mean over the :math:`N` documents, and
    :math:`n_t` the number of documents that contain :math:`t`. Repeated query terms count
    each time; a term no document contains adds 0.

    **The idf floor.** A term in more than half of the documents has a negative idf. Like
    ``rank_bm25.BM25Okapi``, replace every negative idf by :math:`\epsilon \cdot \bar{\text{idf}}`,
    where :math:`\bar{\text{idf}}` is the mean of the idf of every term of the vocabulary
    (computed before the floor, negatives included).

    Parameters
    ----------
    corpus : list of list of str, length n_docs
    query : list of str
    k1, b, epsilon : float
        Term-frequency saturation, length normalisation, idf floor.

    Returns
    -------
    ndarray of shape (n_docs,)

    Raises
    ------
    ValueError
        If the corpus has no document, or no token at all.

    Examples
    --------
    >>> bm25_scores([["a", "b"], ["b", "c"], ["c", "d"]], ["a"]).round(4)
    array([0.5108, 0.    , 0.    ])
    """
    # TODO: count terms per document, compute idf with the floor, then sum over the query.
    raise NotImplementedError
