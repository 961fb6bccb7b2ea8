# Wrong: right numbers, but a Python loop over the documents: the exercise asks for one
# vectorised matrix-vector product (loops are forbidden).
import numpy as np


def cosine_top_k(query, docs, k):
    q, D = np.asarray(query, float), np.asarray(docs, float)
    if q.ndim != 1 or D.ndim != 2 or D.shape[1] != q.size or not 1 <= k <= len(D):
        raise ValueError("bad shapes or k")
    scores = np.empty(len(D))
    for i in range(len(D)):
        n = np.linalg.norm(D[i]) * np.linalg.norm(q)
        if n == 0:
            raise ValueError("zero vector")
        scores[i] = D[i] @ q / n
    order = np.argsort(-scores, kind="stable")[:k]
    return order, scores[order]
