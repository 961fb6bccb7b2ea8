# Wrong: the unbiased variance (ddof=1); layer norm divides by E.
import numpy as np


def layer_norm(X, gamma, beta, eps=1e-5):
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if gamma.shape != X.shape[-1:] or beta.shape != X.shape[-1:]:
        raise ValueError("gamma and beta must have shape (E,)")
    mu = X.mean(axis=-1, keepdims=True)
    var = X.var(axis=-1, ddof=1, keepdims=True)
    return (X - mu) / np.sqrt(var + eps) * gamma + beta
