# Wrong: exponentiates the raw logits: exp(1000) overflows to inf and the loss becomes NaN.
import numpy as np


def softmax_cross_entropy(logits, y):
    Z, y = np.asarray(logits, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (Z.shape[0],) or y.min() < 0 or y.max() >= Z.shape[1]:
        raise ValueError("bad input")
    n = Z.shape[0]
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    loss = float(-np.log(P[np.arange(n), y]).mean())
    d = P.copy()
    d[np.arange(n), y] -= 1
    return loss, d / n
