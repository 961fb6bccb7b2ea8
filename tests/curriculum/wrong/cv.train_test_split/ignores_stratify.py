# Wrong: accepts stratify but ignores it, so the class proportions of the test set drift.
import math

import numpy as np


def train_test_split(X, y, *, test_size=0.25, shuffle=True, stratify=None, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    n = len(X)
    if len(y) != n or (stratify is not None and not shuffle):
        raise ValueError("bad input")
    if isinstance(test_size, float):
        if not 0 < test_size < 1:
            raise ValueError("bad test_size")
        n_test = math.ceil(test_size * n)
    else:
        n_test = int(test_size)
    if not 0 < n_test < n:
        raise ValueError("bad test_size")
    order = np.random.default_rng(random_state).permutation(n) if shuffle else np.arange(n)
    train, test = order[: n - n_test], order[n - n_test:]
    return X[train], X[test], y[train], y[test]
