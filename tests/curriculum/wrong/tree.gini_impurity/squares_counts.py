# Wrong: squares the counts and divides by n once, instead of squaring the fractions.
import numpy as np


def gini_impurity(y):
    y = np.asarray(y)
    if y.size == 0:
        raise ValueError("y is empty")
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - (counts * counts).sum() / y.size / max(y.size - 1, 1))
