# Wrong: "random" initialisation: k distinct samples chosen uniformly, ignoring distances.
import numpy as np


def kmeans_plus_plus(X, n_clusters, rng):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= n_clusters <= len(X):
        raise ValueError("bad input")
    return X[rng.choice(len(X), size=n_clusters, replace=False)]
