# Wrong: counts each query term once (set(query)), but rank-bm25 adds a repeated term each time.
import math
from collections import Counter

import numpy as np


def bm25_scores(corpus, query, k1=1.5, b=0.75, epsilon=0.25):
    if not corpus or sum(len(d) for d in corpus) == 0:
        raise ValueError("empty corpus")
    counts = [Counter(d) for d in corpus]
    N = len(corpus)
    lengths = np.array([len(d) for d in corpus], dtype=float)
    avgdl = lengths.mean()
    df = Counter(t for c in counts for t in c)
    idf = {t: math.log(N - n + 0.5) - math.log(n + 0.5) for t, n in df.items()}
    eps = epsilon * sum(idf.values()) / len(idf)
    idf = {t: (eps if v < 0 else v) for t, v in idf.items()}
    scores = np.zeros(N)
    for q in set(query):
        f = np.array([c.get(q, 0) for c in counts], dtype=float)
        scores += idf.get(q, 0.0) * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths / avgdl))
    return scores
