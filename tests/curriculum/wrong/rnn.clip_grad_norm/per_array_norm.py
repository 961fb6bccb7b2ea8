# Wrong: clips each array by its own norm instead of one factor from the joint norm.
import numpy as np


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    if not max_norm > 0 or not norm_type > 0:
        raise ValueError("max_norm and norm_type must be positive")
    arrays = [np.asarray(g, dtype=float) for g in grads]
    if np.isinf(norm_type):
        norms = [float(np.abs(g).max()) for g in arrays]
        total = max(norms)
    else:
        norms = [float((np.abs(g) ** norm_type).sum() ** (1 / norm_type)) for g in arrays]
        total = float(sum(n ** norm_type for n in norms) ** (1 / norm_type))
    return [g * min(1.0, max_norm / (n + 1e-6)) for g, n in zip(arrays, norms, strict=True)], total
