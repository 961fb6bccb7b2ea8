# Wrong: one mean, standard deviation and median for the whole array (no axis=0): on columns
# of different scales it flags a whole large-scale column and misses the small-scale outliers.
import numpy as np


def replace_outliers(X, k=3.0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or not k > 0:
        raise ValueError("X must be 2-D with at least one row, and k > 0")
    mask = np.abs(X - X.mean()) > k * X.std()
    return np.where(mask, np.median(X), X)
