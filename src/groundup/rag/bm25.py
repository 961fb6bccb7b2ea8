r"""BM25 (Okapi) from scratch, with the formulas and defaults of ``rank_bm25.BM25Okapi``.

For a query :math:`q_1, \dots, q_m` (repeated terms count each time) and a document
:math:`D` of :math:`|D|` tokens,

.. math::

    \operatorname{score}(D) = \sum_{j=1}^m \operatorname{idf}(q_j)\,
        \frac{f(q_j, D)\,(k_1 + 1)}{f(q_j, D) + k_1\,(1 - b + b\,|D| / \overline{|D|})},
    \qquad
    \operatorname{idf}(t) = \log\frac{N - n_t + 0.5}{n_t + 0.5},

with :math:`f(t, D)` the count of term :math:`t` in :math:`D`, :math:`N` documents,
:math:`n_t` of them containing :math:`t`, and :math:`\overline{|D|}` the mean length. A term
in more than half of the documents has a negative idf; like rank-bm25 we replace those by
:math:`\epsilon` times the mean idf of the vocabulary (the "idf floor").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+")
# Words that match everywhere and so only add noise to a lesson search.
_STOPWORD_LIST = """
a about after all also an and any are as at be because been but by can could did do does doing
for from had has have how i if in into is it its itself just may me more most my no not of on
once only or other our out over own same should so some such than that the their them then there
these they this those through to too under up very was we were what when where which while who
whom why will with would you your
"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())


def tokenize(text: str, stopwords: bool = True) -> list[str]:
    """Lower-case alphanumeric tokens; common English stop words dropped when ``stopwords``.

    Examples
    --------
    >>> tokenize("What is the Box-Muller transform?")
    ['box', 'muller', 'transform']
    """
    tokens = TOKEN.findall(text.lower())
    return [t for t in tokens if t not in STOPWORDS] if stopwords else tokens


def _validate(k1: float, b: float, epsilon: float) -> None:
    if not k1 >= 0:
        raise ValueError(f"k1 must be >= 0, got {k1}")
    if not 0 <= b <= 1:
        raise ValueError(f"b must lie in [0, 1], got {b}")
    if not epsilon >= 0:
        raise ValueError(f"epsilon must be >= 0, got {epsilon}")


class BM25Okapi:
    """A BM25 index over tokenized documents (lists of strings).

    The postings are stored term by term (a compressed sparse column layout): the documents
    containing term ``t`` are ``doc_ids[ptr[t]:ptr[t + 1]]`` with counts ``tf[...]``, so a
    query touches only the documents that contain its terms.

    Examples
    --------
    >>> bm25 = BM25Okapi([["cat", "sat"], ["dog", "ran"], ["cat", "ran", "far"]])
    >>> bm25.get_scores(["cat"]).round(3)
    array([0.027, 0.   , 0.023])
    """

    def __init__(self, corpus: Sequence[Sequence[str]] | None = None, k1: float = 1.5,
                 b: float = 0.75, epsilon: float = 0.25) -> None:
        _validate(k1, b, epsilon)
        self.k1, self.b, self.epsilon = float(k1), float(b), float(epsilon)
        if corpus is not None:
            self.fit(corpus)

    def fit(self, corpus: Sequence[Sequence[str]]) -> BM25Okapi:
        if len(corpus) == 0:
            raise ValueError("the corpus is empty: BM25 needs at least one document")
        counts = [Counter(doc) for doc in corpus]
        doc_len = np.array([len(doc) for doc in corpus], dtype=float)
        if doc_len.sum() == 0:
            raise ValueError("every document is empty: BM25 needs at least one token")
        vocab: dict[str, int] = {}
        for c in counts:
            for term in c:
                vocab.setdefault(term, len(vocab))
        postings: list[list[tuple[int, int]]] = [[] for _ in vocab]
        for d, c in enumerate(counts):
            for term, f in c.items():
                postings[vocab[term]].append((d, f))
        self.vocab = vocab
        self.ptr = np.cumsum([0] + [len(p) for p in postings]).astype(np.int64)
        self.doc_ids = np.array([d for p in postings for d, _ in p], dtype=np.int64)
        self.tf = np.array([f for p in postings for _, f in p], dtype=float)
        self.doc_len = doc_len
        self.avgdl = float(doc_len.sum() / len(corpus))
        n_docs = len(corpus)
        n_t = np.diff(self.ptr).astype(float)
        idf = np.log(n_docs - n_t + 0.5) - np.log(n_t + 0.5)
        self.average_idf = float(idf.mean())
        # rank-bm25 floors only the strictly negative idfs, at epsilon * (mean idf).
        self.idf = np.where(idf < 0, self.epsilon * self.average_idf, idf)
        return self

    @property
    def n_docs(self) -> int:
        return len(self.doc_len)

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """BM25 score of every document for the tokenized ``query``, shape (n_docs,)."""
        if isinstance(query, str):
            raise TypeError("query must be a list of tokens, not a str: use tokenize(text)")
        scores = np.zeros(self.n_docs)
        norm = self.k1 * (1 - self.b + self.b * self.doc_len / self.avgdl)  # (n_docs,)
        for term in query:
            t = self.vocab.get(term)
            if t is None:
                continue
            lo, hi = self.ptr[t], self.ptr[t + 1]
            docs, f = self.doc_ids[lo:hi], self.tf[lo:hi]
            scores[docs] += self.idf[t] * (f * (self.k1 + 1) / (f + norm[docs]))
        return scores

    def max_score(self, query: Sequence[str]) -> float:
        """An upper bound of any document's score: every term at saturation (f -> infinity).

        A term the corpus never uses counts with the largest idf there is (that of a term in
        no document), so that ``score / max_score`` in [0, 1] says how much of the question
        the best passage covers, whatever the question's length.
        """
        unseen = float(np.log(self.n_docs + 0.5) - np.log(0.5))
        idf = [max(float(self.idf[self.vocab[t]]), 0.0) if t in self.vocab else unseen
               for t in query]
        return float(np.sum(idf) * (self.k1 + 1))

    # -- saving -------------------------------------------------------------------------------
    def to_arrays(self) -> dict[str, np.ndarray]:
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        return {"terms": np.array(terms, dtype=str), "ptr": self.ptr, "doc_ids": self.doc_ids,
                "tf": self.tf, "doc_len": self.doc_len, "idf": self.idf,
                "params": np.array([self.k1, self.b, self.epsilon, self.average_idf])}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> BM25Okapi:
        k1, b, epsilon, average_idf = (float(x) for x in arrays["params"])
        self = cls(k1=k1, b=b, epsilon=epsilon)
        self.vocab = {str(t): i for i, t in enumerate(arrays["terms"])}
        self.ptr, self.doc_ids, self.tf = arrays["ptr"], arrays["doc_ids"], arrays["tf"]
        self.doc_len, self.idf = arrays["doc_len"], arrays["idf"]
        self.average_idf = average_idf
        self.avgdl = float(self.doc_len.mean())
        return self


def bm25_scores(corpus: Sequence[Sequence[str]], query: Sequence[str], k1: float = 1.5,
                b: float = 0.75, epsilon: float = 0.25) -> np.ndarray:
    r"""BM25 score of each tokenized document of ``corpus`` for the tokenized ``query``.

    The same numbers as ``rank_bm25.BM25Okapi(corpus, k1=k1, b=b,
    epsilon=epsilon).get_scores(query)``: see the module docstring for the formula.

    Parameters
    ----------
    corpus : list of list of str, length n_docs
        At least one document and one token in all.
    query : list of str
        Repeated terms count once per occurrence; unknown terms add nothing.

    Returns
    -------
    ndarray of shape (n_docs,)

    Examples
    --------
    >>> bm25_scores([["a", "b"], ["b", "c"], ["c", "d"]], ["a"]).round(4)
    array([0.5108, 0.    , 0.    ])
    """
    return BM25Okapi(corpus, k1=k1, b=b, epsilon=epsilon).get_scores(query)
