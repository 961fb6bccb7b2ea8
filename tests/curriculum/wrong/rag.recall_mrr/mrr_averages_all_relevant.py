# Wrong: averages 1 / rank over *every* relevant id found, instead of taking the first one.
import numpy as np


def _check(ranked, relevant):
    if len(ranked) != len(relevant) or not ranked or any(not r for r in relevant):
        raise ValueError("bad input")


def recall_at_k(ranked, relevant, k):
    _check(ranked, relevant)
    if k < 1:
        raise ValueError("k must be >= 1")
    return float(np.mean([len(set(r[:k]) & set(rel)) / len(rel) for r, rel in zip(ranked, relevant)]))


def mean_reciprocal_rank(ranked, relevant):
    _check(ranked, relevant)
    out = []
    for r, rel in zip(ranked, relevant):
        ranks = [i for i, d in enumerate(r, start=1) if d in rel]
        out.append(float(np.mean([1 / x for x in ranks])) if ranks else 0.0)
    return float(np.mean(out))
