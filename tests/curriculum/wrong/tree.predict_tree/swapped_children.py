# Wrong: sends a sample right when x[feature] <= threshold (children swapped).
import numpy as np


def predict_tree(X, feature, threshold, left, right, value):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    feature, threshold = np.asarray(feature), np.asarray(threshold)
    left, right = np.asarray(left), np.asarray(right)
    node = np.zeros(X.shape[0], dtype=int)
    while True:
        active = np.flatnonzero(left[node] != -1)
        if active.size == 0:
            break
        at = node[active]
        node[active] = np.where(X[active, feature[at]] <= threshold[at], right[at], left[at])
    return np.asarray(value)[node]
