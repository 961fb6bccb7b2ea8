# Wrong: takes rows of V as the components; eigh returns eigenvectors as columns.
import numpy as np


def pca_project(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= k <= X.shape[1]:
        raise ValueError("X must be 2-D and 1 <= k <= n_features")
    Xc = X - X.mean(axis=0)
    C = Xc.T @ Xc / (X.shape[0] - 1)
    w, V = np.linalg.eigh(C)
    top = V[::-1][:k].T
    top = top * np.where(top[np.abs(top).argmax(axis=0), np.arange(k)] < 0, -1.0, 1.0)
    return Xc @ top
