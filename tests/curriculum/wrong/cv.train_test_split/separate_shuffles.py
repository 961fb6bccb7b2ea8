# Wrong: shuffles X and y with two different permutations, so the rows of X_train no longer
# line up with the labels in y_train.
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
    if not shuffle:
        return X[: n - n_test], X[n - n_test:], y[: n - n_test], y[n - n_test:]
    rng = np.random.default_rng(random_state)
    X, y = X[rng.permutation(n)], y[rng.permutation(n)]
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]
