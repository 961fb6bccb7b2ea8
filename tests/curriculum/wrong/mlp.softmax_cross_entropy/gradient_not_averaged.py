# Wrong: the loss is a mean over the batch but the gradient is not divided by n.
import numpy as np


def softmax_cross_entropy(logits, y):
    Z, y = np.asarray(logits, dtype=float), np.asarray(y)
    if Z.ndim != 2 or y.shape != (Z.shape[0],) or y.min() < 0 or y.max() >= Z.shape[1]:
        raise ValueError("bad input")
    n = Z.shape[0]
    s = Z - Z.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = float(-log_p[np.arange(n), y].mean())
    d = np.exp(log_p)
    d[np.arange(n), y] -= 1
    return loss, d
