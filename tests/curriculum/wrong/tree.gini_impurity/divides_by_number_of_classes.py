# Wrong: the fractions divide the counts by the number of classes, not by the number of samples.
import numpy as np


def gini_impurity(y):
    y = np.asarray(y)
    if y.size == 0:
        raise ValueError("y is empty")
    _, counts = np.unique(y, return_counts=True)
    p = counts / counts.size
    return float(1.0 - (p * p).sum())
