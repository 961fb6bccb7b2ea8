# Wrong: an off-by-one in the training slice: the training set keeps the first index of the
# test fold.
import numpy as np


def kfold_indices(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    if not isinstance(n_splits, int) or not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    order = np.arange(n_samples)
    if shuffle:
        np.random.default_rng(random_state).shuffle(order)
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    starts = np.r_[0, np.cumsum(sizes)]
    splits = []
    for i in range(n_splits):
        a, b = starts[i], starts[i + 1]
        splits.append((np.sort(np.r_[order[: a + 1], order[b:]]), np.sort(order[a:b])))
    return splits
