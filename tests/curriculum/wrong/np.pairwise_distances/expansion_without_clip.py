# Wrong: |x|^2 + |y|^2 - 2 x.y without clipping at 0: rounding makes some squared distances
# on the diagonal slightly negative, and their square root is NaN.
import numpy as np


def pairwise_distances(X, Y):
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[1] != Y.shape[1]:
        raise ValueError("X and Y must be 2-D with the same number of columns")
    d2 = (X ** 2).sum(axis=1)[:, None] + (Y ** 2).sum(axis=1)[None, :] - 2 * X @ Y.T
    return np.sqrt(d2)
