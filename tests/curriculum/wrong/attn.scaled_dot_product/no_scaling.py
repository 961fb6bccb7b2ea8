# Wrong: forgets to divide the scores by sqrt(E), so the softmax is too peaked.
import numpy as np


def scaled_dot_product_attention(Q, K, V):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if Q.shape[-1] != K.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("shapes do not fit")
    s = Q @ np.swapaxes(K, -1, -2)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True) @ V
