# Wrong: the rate of the first group minus the rate of the second (a signed, two-group
# difference) instead of max - min over all groups; the ratio is max / min, upside down.
import math

import numpy as np


def _rates(y_pred, group):
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    if y_pred.size == 0 or y_pred.shape != group.shape or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("bad input")
    return np.array([y_pred[group == g].mean() for g in np.unique(group)])


def demographic_parity_difference(y_pred, group):
    rates = _rates(y_pred, group)
    return float(rates[0] - rates[1])


def demographic_parity_ratio(y_pred, group):
    rates = _rates(y_pred, group)
    if rates.max() == 0:
        return math.nan
    return float(rates.max() / rates.min())
