# Wrong: returns the squared distances (forgot the square root).
import numpy as np


def pairwise_distances(X, Y):
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] != Y.shape[1]:
        raise ValueError("X and Y must be 2-D with the same number of columns")
    diff = X[:, None, :] - Y[None, :, :]
    return (diff ** 2).sum(axis=-1)
