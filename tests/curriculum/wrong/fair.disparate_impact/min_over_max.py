# Wrong: ignores which group is privileged and returns min / max of the group rates (the
# demographic parity ratio), which is never above 1 and differs with three groups.
import numpy as np


def disparate_impact_ratio(y_pred, group, privileged):
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    if y_pred.shape != group.shape or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("bad input")
    is_priv = group == privileged
    if not is_priv.any() or is_priv.all() or y_pred[is_priv].sum() == 0:
        raise ValueError("undefined")
    rates = [y_pred[group == g].mean() for g in np.unique(group)]
    return float(min(rates) / max(rates))
