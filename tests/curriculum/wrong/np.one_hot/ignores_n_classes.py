# Wrong: always uses max(y) + 1 columns, ignoring n_classes.
import numpy as np


def one_hot(y, n_classes=None):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or np.any(y < 0) or np.any(y != np.round(y)):
        raise ValueError("y must be a non-empty 1-D array of non-negative whole labels")
    if n_classes is not None and y.max() >= n_classes:
        raise ValueError("label out of range")
    return np.eye(int(y.max()) + 1)[y.astype(int)]
