# Wrong: keeps tokens only while the running total *including* the token is below top_p, so the
# token that crosses top_p is dropped (the nucleus is too small).
import numpy as np


def top_k_top_p(logits, top_k=0, top_p=1.0):
    z = np.array(logits, dtype=float, ndmin=2)
    if int(top_k) != top_k or top_k < 0 or not 0 < top_p <= 1:
        raise ValueError("bad settings")
    if 0 < top_k < z.shape[-1]:
        kth = np.sort(z, axis=-1)[:, -int(top_k)][:, None]
        z[z < kth] = -np.inf
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    p = e / e.sum(axis=-1, keepdims=True)
    if top_p < 1:
        order = np.argsort(-p, axis=-1)
        sp = np.take_along_axis(p, order, axis=-1)
        keep_sorted = np.cumsum(sp, axis=-1) < top_p
        keep_sorted[:, 0] = True
        keep = np.zeros_like(keep_sorted)
        np.put_along_axis(keep, order, keep_sorted, axis=-1)
        p = np.where(keep, p, 0.0)
        p = p / p.sum(axis=-1, keepdims=True)
    return p.reshape(np.shape(logits))
