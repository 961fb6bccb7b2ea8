# Wrong: every fold gets n // k samples and the last fold takes the remainder, instead of the
# first n % k folds getting one more each.
import numpy as np


def kfold_indices(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    if not isinstance(n_splits, int) or not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    order = np.arange(n_samples)
    if shuffle:
        np.random.default_rng(random_state).shuffle(order)
    size = n_samples // n_splits
    splits = []
    for i in range(n_splits):
        stop = n_samples if i == n_splits - 1 else (i + 1) * size
        test = np.sort(order[i * size: stop])
        splits.append((np.setdiff1d(np.arange(n_samples), test), test))
    return splits
