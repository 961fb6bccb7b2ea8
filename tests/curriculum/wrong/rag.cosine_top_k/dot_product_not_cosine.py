# Wrong: ranks by the raw dot product, forgetting to divide by the vectors' lengths, so long
# documents win whatever their direction.
import numpy as np


def cosine_top_k(query, docs, k):
    q, D = np.asarray(query, float), np.asarray(docs, float)
    if q.ndim != 1 or D.ndim != 2 or D.shape[1] != q.size or not 1 <= k <= len(D):
        raise ValueError("bad shapes or k")
    if not np.linalg.norm(q) or not np.linalg.norm(D, axis=1).all():
        raise ValueError("zero vector")
    scores = D @ q
    order = np.argsort(-scores, kind="stable")[:k]
    return order, scores[order]
