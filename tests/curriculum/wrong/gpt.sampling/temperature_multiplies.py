# Wrong: multiplies the logits by the temperature instead of dividing (a high temperature then
# sharpens instead of flattening).
import numpy as np


def softmax_with_temperature(logits, temperature=1.0):
    if temperature <= 0:
        raise ValueError("temperature must be positive")
    z = np.asarray(logits, dtype=float) * temperature
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def top_k_filter(logits, k):
    if k < 1:
        raise ValueError("k must be positive")
    z = np.asarray(logits, dtype=float)
    k = min(k, z.shape[-1])
    kth = np.sort(z, axis=-1)[..., -k][..., None]
    return np.where(z < kth, -np.inf, z)


def top_p_filter(logits, p):
    if not 0 < p <= 1:
        raise ValueError("p must be in (0, 1]")
    z = np.asarray(logits, dtype=float)
    order = np.argsort(z, axis=-1, kind="stable")
    cum = np.cumsum(softmax_with_temperature(np.take_along_axis(z, order, -1)), axis=-1)
    remove_sorted = cum <= 1 - p
    remove_sorted[..., -1] = False
    remove = np.zeros_like(remove_sorted)
    np.put_along_axis(remove, order, remove_sorted, axis=-1)
    return np.where(remove, -np.inf, z)
