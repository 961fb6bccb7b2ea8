# Wrong: normalises the gradients to max_norm even when they are already smaller (no min(1, .)).
import numpy as np


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    if not max_norm > 0 or not norm_type > 0:
        raise ValueError("max_norm and norm_type must be positive")
    arrays = [np.asarray(g, dtype=float) for g in grads]
    if np.isinf(norm_type):
        total = max(float(np.abs(g).max()) for g in arrays)
    else:
        total = float(sum((np.abs(g) ** norm_type).sum() for g in arrays) ** (1 / norm_type))
    coef = max_norm / (total + 1e-6)
    return [g * coef for g in arrays], total
