# Wrong: the softmax normalises over the queries (axis -2) instead of over the keys.
import numpy as np


def scaled_dot_product_attention(Q, K, V):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if Q.shape[-1] != K.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("shapes do not fit")
    s = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    w = np.exp(s - s.max(axis=-2, keepdims=True))
    return w / w.sum(axis=-2, keepdims=True) @ V
