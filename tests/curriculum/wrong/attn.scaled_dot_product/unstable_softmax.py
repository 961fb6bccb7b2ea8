# Wrong: np.exp of the raw scores overflows to inf for large scores (inf / inf = NaN): the
# row maximum is not subtracted first.
import numpy as np


def scaled_dot_product_attention(Q, K, V):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if Q.shape[-1] != K.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("shapes do not fit")
    s = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    with np.errstate(over="ignore", invalid="ignore"):
        w = np.exp(s)
        return w / w.sum(axis=-1, keepdims=True) @ V
