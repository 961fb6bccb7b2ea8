# Wrong: seeds and draws from NumPy's global random state (np.random.seed / np.random.randint),
# which changes the state every other piece of code shares, and ignores a Generator seed.
import numpy as np


def bootstrap_means(x, n_resamples, seed=None):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or n_resamples < 1:
        raise ValueError("x must be a non-empty 1-D array and n_resamples >= 1")
    if isinstance(seed, int):
        np.random.seed(seed)
    idx = np.random.randint(0, x.size, size=(n_resamples, x.size))
    return x[idx].mean(axis=1)
