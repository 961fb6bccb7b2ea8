# Wrong: dV = P @ dO instead of P^T @ dO (the shapes agree whenever L == S).
import numpy as np


def attention_backward(Q, K, V, dO, is_causal=False):
    Q, K, V, dO = (np.asarray(a, dtype=float) for a in (Q, K, V, dO))
    if dO.shape != Q.shape[:-1] + V.shape[-1:]:
        raise ValueError("dO must have the output's shape")
    c = 1 / np.sqrt(Q.shape[-1])
    S = Q @ np.swapaxes(K, -1, -2) * c
    if is_causal:
        S = np.where(np.tril(np.ones(S.shape[-2:], dtype=bool)), S, -np.inf)
    P = np.exp(S - S.max(axis=-1, keepdims=True))
    P /= P.sum(axis=-1, keepdims=True)
    dV = P @ dO
    dP = dO @ np.swapaxes(V, -1, -2)
    dS = P * (dP - (dP * P).sum(axis=-1, keepdims=True))
    return dS @ K * c, np.swapaxes(dS, -1, -2) @ Q * c, dV
