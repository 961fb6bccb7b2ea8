# Wrong: privileged rate over unprivileged rate, the ratio upside down (so a biased model
# passes the four-fifths rule).
import numpy as np


def disparate_impact_ratio(y_pred, group, privileged):
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    if y_pred.shape != group.shape or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("bad input")
    is_priv = group == privileged
    if not is_priv.any() or is_priv.all() or y_pred[~is_priv].sum() == 0:
        raise ValueError("undefined")
    return float(y_pred[is_priv].mean() / y_pred[~is_priv].mean())
