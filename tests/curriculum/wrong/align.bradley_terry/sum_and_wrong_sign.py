# Wrong: the loss sums over pairs instead of averaging, and the gradient uses sigmoid(d)
# instead of sigmoid(-d) (the derivative of log sigma(d) is 1 - sigma(d)).
import numpy as np


def _check(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or a.ndim != 1 or a.size == 0:
        raise ValueError("r_chosen and r_rejected must be non-empty 1-D arrays of the same shape")
    return a, b


def bt_probability(r_chosen, r_rejected):
    a, b = _check(r_chosen, r_rejected)
    return np.exp(-np.logaddexp(0, -(a - b)))


def bt_loss(r_chosen, r_rejected):
    a, b = _check(r_chosen, r_rejected)
    return float(np.logaddexp(0, -(a - b)).sum())


def bt_loss_grad(r_chosen, r_rejected):
    a, b = _check(r_chosen, r_rejected)
    w = np.exp(-np.logaddexp(0, -(a - b))) / a.size
    return -w, w
