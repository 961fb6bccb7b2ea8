# Wrong: drops the ||c||^2 term of ||x||^2 - 2 x.c + ||c||^2 (only ||x||^2 is constant per row).
import numpy as np


def assign_clusters(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    if X.ndim != 2 or C.ndim != 2 or len(C) == 0 or X.shape[1] != C.shape[1]:
        raise ValueError("shapes do not fit")
    return np.argmin(-2 * X @ C.T, axis=1)
