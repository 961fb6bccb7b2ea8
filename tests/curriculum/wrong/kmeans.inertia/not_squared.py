# Wrong: adds up distances, not squared distances.
import numpy as np


def inertia(X, centers, labels):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    labels = np.asarray(labels)
    if X.ndim != 2 or C.shape[1] != X.shape[1] or labels.shape != (len(X),):
        raise ValueError("shapes do not fit")
    if labels.min() < 0 or labels.max() >= len(C):
        raise ValueError("label out of range")
    return float(np.sqrt(((X - C[labels]) ** 2).sum(axis=1)).sum())
