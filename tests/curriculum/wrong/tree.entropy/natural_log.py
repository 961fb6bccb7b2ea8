# Wrong: natural logarithm (nats) instead of base 2 (bits).
import numpy as np


def entropy(y):
    y = np.asarray(y)
    if y.size == 0:
        raise ValueError("y is empty")
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(-(p * np.log(p)).sum())
