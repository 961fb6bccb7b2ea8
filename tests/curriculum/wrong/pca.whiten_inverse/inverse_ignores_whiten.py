# Wrong: the inverse transform forgets to undo the whitening (no multiplication by sqrt(variance)).
import numpy as np


def _check(A, mean, components, var, cols):
    A, W = np.asarray(A, dtype=float), np.asarray(components, dtype=float)
    if A.ndim != 2 or W.ndim != 2 or A.shape[1] != cols(W) or np.shape(mean) != (W.shape[1],) \
            or np.shape(var) != (W.shape[0],):
        raise ValueError("shapes do not fit")
    return A, np.asarray(mean, dtype=float), W, np.asarray(var, dtype=float)


def pca_transform(X, mean, components, explained_variance, whiten=False):
    X, mu, W, var = _check(X, mean, components, explained_variance, lambda W: W.shape[1])
    Z = (X - mu) @ W.T
    return Z / np.sqrt(var) if whiten else Z


def pca_inverse_transform(Z, mean, components, explained_variance, whiten=False):
    Z, mu, W, var = _check(Z, mean, components, explained_variance, lambda W: W.shape[0])
    return Z @ W + mu
