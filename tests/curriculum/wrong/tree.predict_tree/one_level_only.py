# Wrong: moves the samples down a single level, so they stop at the root's children.
import numpy as np


def predict_tree(X, feature, threshold, left, right, value):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    feature, threshold = np.asarray(feature), np.asarray(threshold)
    left, right = np.asarray(left), np.asarray(right)
    node = np.zeros(X.shape[0], dtype=int)
    active = np.flatnonzero(left[node] != -1)
    at = node[active]
    node[active] = np.where(X[active, feature[at]] <= threshold[at], left[at], right[at])
    return np.asarray(value)[node]
