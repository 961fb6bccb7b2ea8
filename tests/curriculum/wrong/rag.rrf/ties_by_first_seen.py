# Wrong: breaks ties by the order in which documents were first seen, not by increasing id.
import numpy as np


def reciprocal_rank_fusion(rankings, k=60):
    if k < 0:
        raise ValueError("k must be >= 0")
    fused = {}
    for ranking in rankings:
        if len(set(ranking)) != len(ranking):
            raise ValueError("an id appears twice")
        for rank, doc in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + 1.0 / (k + rank)
    ordered = sorted(fused, key=lambda d: -fused[d])
    return np.array(ordered, dtype=int), np.array([fused[d] for d in ordered])
