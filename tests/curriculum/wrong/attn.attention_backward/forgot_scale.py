# Wrong: the forward pass scales the scores by 1/sqrt(E) but the backward pass forgets that
# factor in dQ and dK.
import numpy as np


def attention_backward(Q, K, V, dO, is_causal=False):
    Q, K, V, dO = (np.asarray(a, dtype=float) for a in (Q, K, V, dO))
    if dO.shape != Q.shape[:-1] + V.shape[-1:]:
        raise ValueError("dO must have the output's shape")
    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if is_causal:
        S = np.where(np.tril(np.ones(S.shape[-2:], dtype=bool)), S, -np.inf)
    P = np.exp(S - S.max(axis=-1, keepdims=True))
    P /= P.sum(axis=-1, keepdims=True)
    dV = np.swapaxes(P, -1, -2) @ dO
    dP = dO @ np.swapaxes(V, -1, -2)
    dS = P * (dP - (dP * P).sum(axis=-1, keepdims=True))
    return dS @ K, np.swapaxes(dS, -1, -2) @ Q, dV
