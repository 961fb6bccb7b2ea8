# Wrong: causal_mask returns 0/1 floats (np.tri), not booleans: used as an index or with ~ it
# does something else entirely.
import numpy as np


def causal_mask(T):
    if T < 1:
        raise ValueError("T must be at least 1")
    return np.tri(T)


def masked_attention(Q, K, V, mask=None, is_causal=False):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    L, S = Q.shape[-2], K.shape[-2]
    if Q.shape[-1] != K.shape[-1] or V.shape[-2] != S or (mask is not None and is_causal):
        raise ValueError("shapes do not fit, or mask and is_causal both given")
    if is_causal:
        mask = np.tril(np.ones((L, S), dtype=bool))
    if mask is None:
        mask = np.ones((L, S), dtype=bool)
    mask = np.asarray(mask, dtype=bool)
    if mask.shape[-2:] != (L, S):
        raise ValueError("mask must be (L, S)")
    s = np.where(mask, Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1]), -np.inf)
    dead = ~mask.any(axis=-1, keepdims=True)
    s = np.where(dead, 0.0, s)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True) * ~dead @ V
