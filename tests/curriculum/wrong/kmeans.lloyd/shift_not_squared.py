# Wrong: measures the shift as the sum of distances (not squared distances) the centres moved.
import numpy as np


def lloyd(X, centers, max_iter=300, tol=0.0):
    X = np.asarray(X, dtype=float)
    C = np.array(centers, dtype=float)
    if X.ndim != 2 or C.ndim != 2 or C.shape[1] != X.shape[1] or max_iter < 1 or tol < 0:
        raise ValueError("bad input")
    for n_iter in range(1, max_iter + 1):  # noqa: B007 - n_iter is returned
        labels = ((X[:, None, :] - C[None]) ** 2).sum(2).argmin(1)
        new = C.copy()
        for j in range(len(C)):
            if (labels == j).any():
                new[j] = X[labels == j].mean(0)
        shift = np.sqrt(((new - C) ** 2).sum(1)).sum()
        C = new
        if shift <= tol:
            break
    labels = ((X[:, None, :] - C[None]) ** 2).sum(2).argmin(1)
    return C, labels, float(((X - C[labels]) ** 2).sum()), n_iter
