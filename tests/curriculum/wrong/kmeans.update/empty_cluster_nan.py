# Wrong: divides by the count even when it is 0, so an empty cluster's centre becomes NaN.
import numpy as np


def update_centers(X, labels, centers):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    C = np.asarray(centers, dtype=float)
    if X.ndim != 2 or labels.shape != (len(X),) or C.shape[1] != X.shape[1]:
        raise ValueError("shapes do not fit")
    if labels.min() < 0 or labels.max() >= len(C):
        raise ValueError("label out of range")
    sums = np.zeros_like(C)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=len(C))
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts[:, None]
