# Wrong: does not reject negative labels: -1 silently picks the last row of the identity.
import numpy as np


def one_hot(y, n_classes=None):
    y = np.asarray(y)
    if y.ndim != 1 or np.any(y != np.round(y)):
        raise ValueError("y must be a 1-D array of whole labels")
    if n_classes is None:
        if y.size == 0:
            raise ValueError("cannot infer n_classes")
        n_classes = int(y.max()) + 1
    if y.size and y.max() >= n_classes:
        raise ValueError("label out of range")
    return np.eye(n_classes)[y.astype(int)]
