# Wrong: probabilities proportional to D(x), not D(x)^2.
import numpy as np


def kmeans_plus_plus(X, n_clusters, rng):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= n_clusters <= len(X):
        raise ValueError("bad input")
    centers = [X[rng.choice(len(X))]]
    closest = np.sqrt(((X - centers[0]) ** 2).sum(axis=1))
    for _ in range(1, n_clusters):
        total = closest.sum()
        i = rng.choice(len(X), p=closest / total) if total > 0 else rng.choice(len(X))
        centers.append(X[i])
        closest = np.minimum(closest, np.sqrt(((X - X[i]) ** 2).sum(axis=1)))
    return np.array(centers)
