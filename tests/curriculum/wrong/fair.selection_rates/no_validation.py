# Wrong: no validation; a prediction of 2 (a class index, a score) is averaged as if it were a
# decision, and an empty array gives nan instead of an error.
import numpy as np
import pandas as pd


def selection_rate(y_pred):
    return float(np.mean(np.asarray(y_pred, dtype=float)))


def group_selection_rates(y_pred, group):
    s = pd.Series(np.asarray(y_pred, dtype=float)).groupby(np.asarray(group)).mean()
    s.index.name = "group"
    return s.rename("selection_rate")
