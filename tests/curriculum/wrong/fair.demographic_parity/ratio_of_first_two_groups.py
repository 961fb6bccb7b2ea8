# Wrong: the difference is right, but the ratio compares only the first two groups (written
# for a two-group data set), so a third group with a lower or higher rate is missed.
import numpy as np


def _rates(y_pred, group):
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    if y_pred.size == 0 or y_pred.shape != group.shape or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("bad input")
    return np.array([y_pred[group == g].mean() for g in np.unique(group)])


def demographic_parity_difference(y_pred, group):
    rates = _rates(y_pred, group)
    return float(rates.max() - rates.min())


def demographic_parity_ratio(y_pred, group):
    rates = _rates(y_pred, group)[:2]
    with np.errstate(invalid="ignore"):
        return float(min(rates) / max(rates))
