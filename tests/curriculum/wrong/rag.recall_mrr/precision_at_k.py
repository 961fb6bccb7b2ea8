# Wrong: divides the hits by k (that is precision@k), not by the number of relevant ids.
import numpy as np


def _check(ranked, relevant):
    if len(ranked) != len(relevant) or not ranked or any(not r for r in relevant):
        raise ValueError("bad input")


def recall_at_k(ranked, relevant, k):
    _check(ranked, relevant)
    if k < 1:
        raise ValueError("k must be >= 1")
    return float(np.mean([len(set(r[:k]) & set(rel)) / k for r, rel in zip(ranked, relevant)]))


def mean_reciprocal_rank(ranked, relevant):
    _check(ranked, relevant)
    out = []
    for r, rel in zip(ranked, relevant):
        ranks = [i for i, d in enumerate(r, start=1) if d in rel]
        out.append(1 / ranks[0] if ranks else 0.0)
    return float(np.mean(out))
