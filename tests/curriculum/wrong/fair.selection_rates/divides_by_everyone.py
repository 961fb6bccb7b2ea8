# Wrong: each group's positives are divided by the total number of samples, not by the size of
# the group, so the rates of all groups add up to the overall selection rate.
import numpy as np
import pandas as pd


def selection_rate(y_pred):
    y_pred = np.asarray(y_pred)
    if y_pred.ndim != 1 or y_pred.size == 0 or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("y_pred must be a non-empty 1-D array of 0/1")
    return float(y_pred.astype(int).sum() / y_pred.size)


def group_selection_rates(y_pred, group):
    y_pred, group = np.asarray(y_pred).astype(int), np.asarray(group)
    if group.shape != y_pred.shape:
        raise ValueError("one group per prediction")
    labels, inverse = np.unique(group, return_inverse=True)
    rates = np.bincount(inverse, weights=y_pred) / y_pred.size
    return pd.Series(rates, index=pd.Index(labels, name="group"), name="selection_rate")
