# Wrong: counts ranks from 0, so the best document earns 1 / k instead of 1 / (k + 1).
import numpy as np


def reciprocal_rank_fusion(rankings, k=60):
    if k < 0:
        raise ValueError("k must be >= 0")
    fused = {}
    for ranking in rankings:
        if len(set(ranking)) != len(ranking):
            raise ValueError("an id appears twice")
        for rank, doc in enumerate(ranking):
            fused[doc] = fused.get(doc, 0.0) + 1.0 / (k + rank)
    ordered = sorted(fused, key=lambda d: (-fused[d], d))
    return np.array(ordered, dtype=int), np.array([fused[d] for d in ordered])
