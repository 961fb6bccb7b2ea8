# Wrong: an empty cluster's centre is moved to the origin instead of keeping its old position.
import numpy as np


def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    C = np.asarray(centers, dtype=float)
    if X.ndim != 2 or labels.shape != (len(X),) or C.shape[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    if labels.min() < 0 or labels.max() >= len(C):
        raise ValueError("label out of range")
    new = np.zeros_like(C)
    for j in range(len(C)):
        if (labels == j).any():
            new[j] = X[labels == j].mean(axis=0)
    return new
