# Wrong: normalises over the first axis (across the batch, as batch norm) instead of over each
# vector's own features.
import numpy as np


def layer_norm(X, gamma, beta, eps=1e-5):
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if gamma.shape != X.shape[-1:] or beta.shape != X.shape[-1:]:
        raise ValueError("gamma and beta must have shape (E,)")
    mu = X.mean(axis=0, keepdims=True)
    var = ((X - mu) ** 2).mean(axis=0, keepdims=True)
    return (X - mu) / np.sqrt(var + eps) * gamma + beta
