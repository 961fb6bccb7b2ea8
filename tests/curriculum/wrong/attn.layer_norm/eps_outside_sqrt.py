# Wrong: divides by std + eps instead of sqrt(var + eps).
import numpy as np


def layer_norm(X, gamma, beta, eps=1e-5):
    X, gamma, beta = (np.asarray(a, dtype=float) for a in (X, gamma, beta))
    if gamma.shape != X.shape[-1:] or beta.shape != X.shape[-1:]:
        raise ValueError("gamma and beta must have shape (E,)")
    mu = X.mean(axis=-1, keepdims=True)
    return (X - mu) / (X.std(axis=-1, keepdims=True) + eps) * gamma + beta
