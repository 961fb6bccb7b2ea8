# Wrong: scales the caller's arrays in place (as torch's clip_grad_norm_ does to .grad) instead
# of returning new ones: the inputs change.
import numpy as np


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    if not max_norm > 0 or not norm_type > 0:
        raise ValueError("max_norm and norm_type must be positive")
    if np.isinf(norm_type):
        total = max(float(np.abs(g).max()) for g in grads)
    else:
        total = float(sum((np.abs(g) ** norm_type).sum() for g in grads) ** (1 / norm_type))
    coef = min(1.0, max_norm / (total + 1e-6))
    for g in grads:
        g *= coef
    return list(grads), total
