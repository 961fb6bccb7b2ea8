# Wrong: scales the low-rank path by alpha instead of alpha / r.
import numpy as np


def lora_linear(x, W, b, A, B, alpha):
    x, W, A, B = (np.asarray(a, dtype=float) for a in (x, W, A, B))
    r = A.shape[0]
    if A.shape != (r, W.shape[1]) or B.shape != (W.shape[0], r) or x.shape[-1] != W.shape[1]:
        raise ValueError("shapes do not fit")
    y = x @ W.T + alpha * (x @ A.T) @ B.T
    return y if b is None else y + np.asarray(b, dtype=float)


def lora_parameter_count(in_features, out_features, r):
    if r < 1 or r > min(in_features, out_features):
        raise ValueError("bad rank")
    return r * (in_features + out_features)
