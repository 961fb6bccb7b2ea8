# Wrong: log(sigmoid(d)) written literally: for a reward gap of -800, exp(800) overflows,
# sigmoid is 0 and the loss is inf (and the gradient nan-prone).
import numpy as np


def _check(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or a.ndim != 1 or a.size == 0:
        raise ValueError("r_chosen and r_rejected must be non-empty 1-D arrays of the same shape")
    return a, b


def bt_probability(r_chosen, r_rejected):
    a, b = _check(r_chosen, r_rejected)
    return 1 / (1 + np.exp(-(a - b)))


def bt_loss(r_chosen, r_rejected):
    a, b = _check(r_chosen, r_rejected)
    return float(-np.log(1 / (1 + np.exp(-(a - b)))).mean())


def bt_loss_grad(r_chosen, r_rejected):
    a, b = _check(r_chosen, r_rejected)
    w = (1 - 1 / (1 + np.exp(-(a - b)))) / a.size
    return -w, w
