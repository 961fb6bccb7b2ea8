# Wrong: takes the argmin over axis 0 (for each centre, its nearest sample) instead of axis 1.
import numpy as np


def assign_clusters(X, centers):
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    if X.ndim != 2 or C.ndim != 2 or len(C) == 0 or X.shape[1] != C.shape[1]:
        raise ValueError("shapes do not fit")
    D = (X**2).sum(1)[:, None] - 2 * X @ C.T + (C**2).sum(1)[None, :]
    return np.argmin(D, axis=0)
