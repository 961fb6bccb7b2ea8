# Wrong: applies top-p to the distribution *before* top-k (the cumulative sums use the full
# softmax), so combined settings keep too many tokens.
import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def top_k_top_p(logits, top_k=0, top_p=1.0):
    z = np.array(logits, dtype=float, ndmin=2)
    if int(top_k) != top_k or top_k < 0 or not 0 < top_p <= 1:
        raise ValueError("bad settings")
    p = _softmax(z)
    keep = np.ones(z.shape, dtype=bool)
    if top_p < 1:
        order = np.argsort(-p, axis=-1)
        sp = np.take_along_axis(p, order, axis=-1)
        keep_sorted = np.cumsum(sp, axis=-1) - sp < top_p
        np.put_along_axis(keep, order, keep_sorted, axis=-1)
    if 0 < top_k < z.shape[-1]:
        kth = np.sort(z, axis=-1)[:, -int(top_k)][:, None]
        keep &= z >= kth
    z = np.where(keep, z, -np.inf)
    return _softmax(z).reshape(np.shape(logits))
