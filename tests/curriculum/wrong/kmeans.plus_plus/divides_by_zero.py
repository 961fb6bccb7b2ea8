# Wrong: no special case when every sample sits on a centre: 0/0 probabilities on duplicates.
import numpy as np


def kmeans_plus_plus(X, n_clusters, rng):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= n_clusters <= len(X):
        raise ValueError("bad input")
    centers = [X[rng.choice(len(X))]]
    closest = ((X - centers[0]) ** 2).sum(axis=1)
    for _ in range(1, n_clusters):
        with np.errstate(invalid="ignore"):
            p = closest / closest.sum()
        i = rng.choice(len(X), p=p)
        centers.append(X[i])
        closest = np.minimum(closest, ((X - X[i]) ** 2).sum(axis=1))
    return np.array(centers)
