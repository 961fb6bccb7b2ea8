# Wrong: var = mean(X**2) - mean**2. Right on paper, but for values around 10**6 the two
# terms are about 10**12 and their difference loses every significant digit.
import numpy as np


def layer_norm(X, gamma, beta, eps=1e-5):
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if gamma.shape != X.shape[-1:] or beta.shape != X.shape[-1:]:
        raise ValueError("gamma and beta must have shape (E,)")
    mu = X.mean(axis=-1, keepdims=True)
    var = np.maximum((X ** 2).mean(axis=-1, keepdims=True) - mu ** 2, 0.0)
    return (X - mu) / np.sqrt(var + eps) * gamma + beta
