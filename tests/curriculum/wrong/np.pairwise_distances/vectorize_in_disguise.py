# Wrong: right values and no `for`, but np.vectorize calls a Python function once per pair
# of rows: a loop in disguise, as slow as the double loop (fails the speed check).
import numpy as np


def pairwise_distances(X, Y):
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] != Y.shape[1]:
        raise ValueError("X and Y must be 2-D with the same number of columns")
    if X.shape[0] == 0 or Y.shape[0] == 0:
        return np.zeros((X.shape[0], Y.shape[0]))
    dist = np.vectorize(lambda i, j: np.sqrt(np.sum((X[i] - Y[j]) ** 2)))
    return dist(np.arange(X.shape[0])[:, None], np.arange(Y.shape[0])[None, :])
