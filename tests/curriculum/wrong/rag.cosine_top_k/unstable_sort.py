# Wrong: sorts ascending and reverses, which puts equal scores in *decreasing* index order.
import numpy as np


def cosine_top_k(query, docs, k):
    q, D = np.asarray(query, float), np.asarray(docs, float)
    if q.ndim != 1 or D.ndim != 2 or D.shape[1] != q.size or not 1 <= k <= len(D):
        raise ValueError("bad shapes or k")
    norms = np.linalg.norm(D, axis=1) * np.linalg.norm(q)
    if not norms.all():
        raise ValueError("zero vector")
    scores = D @ q / norms
    order = np.argsort(scores, kind="stable")[::-1][:k]
    return order, scores[order]
