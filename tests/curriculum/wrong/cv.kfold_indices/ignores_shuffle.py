# Wrong: never shuffles, so shuffle=True still gives consecutive blocks (and every seed gives
# the same folds).
import numpy as np


def kfold_indices(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    if not isinstance(n_splits, int) or not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    starts = np.r_[0, np.cumsum(sizes)]
    return [(np.r_[np.arange(starts[i]), np.arange(starts[i + 1], n_samples)],
             np.arange(starts[i], starts[i + 1])) for i in range(n_splits)]
