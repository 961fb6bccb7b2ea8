# Wrong: rounds the test size down (int(test_size * n)) instead of up.
import numpy as np


def train_test_split(X, y, *, test_size=0.25, shuffle=True, stratify=None, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    n = len(X)
    if len(y) != n or (stratify is not None and not shuffle):
        raise ValueError("bad input")
    n_test = int(test_size * n) if isinstance(test_size, float) else int(test_size)
    if not 0 < n_test < n or (isinstance(test_size, float) and not 0 < test_size < 1):
        raise ValueError("bad test_size")
    order = np.random.default_rng(random_state).permutation(n) if shuffle else np.arange(n)
    test, train = order[n - n_test:], order[: n - n_test]
    if not shuffle:
        train, test = np.arange(n - n_test), np.arange(n - n_test, n)
    return X[train], X[test], y[train], y[test]
