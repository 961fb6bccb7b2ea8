# Wrong: log(sum(exp(z))) without subtracting the maximum: large logits overflow to inf.
import numpy as np


def lm_loss(logits, targets):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    V = z.shape[-1]
    if t.shape != z.shape[:-1] or t.min() < 0 or t.max() >= V:
        raise ValueError("bad targets")
    with np.errstate(over="ignore", invalid="ignore"):
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return float(-np.take_along_axis(logp, t[..., None], axis=-1).mean())
