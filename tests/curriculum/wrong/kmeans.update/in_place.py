# Wrong: writes the new centres into the caller's `centers` array (changes its input).
import numpy as np


def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if X.ndim != 2 or labels.shape != (len(X),) or np.shape(centers)[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    if labels.min() < 0 or labels.max() >= len(centers):
        raise ValueError("label out of range")
    C = centers if isinstance(centers, np.ndarray) else np.asarray(centers, dtype=float)
    for j in range(len(C)):
        if (labels == j).any():
            C[j] = X[labels == j].mean(axis=0)
    return C
