# Wrong: D(x) is the distance to the last centre chosen, not to the nearest of all chosen so far.
import numpy as np


def kmeans_plus_plus(X, n_clusters, rng):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= n_clusters <= len(X):
        raise ValueError("bad input")
    centers = [X[rng.choice(len(X))]]
    for _ in range(1, n_clusters):
        d2 = ((X - centers[-1]) ** 2).sum(axis=1)
        total = d2.sum()
        i = rng.choice(len(X), p=d2 / total) if total > 0 else rng.choice(len(X))
        centers.append(X[i])
    return np.array(centers)
