# Wrong: resamples without replacement (a permutation of x), so every resample has the same
# mean and the bootstrap shows no spread at all.
import numpy as np


def bootstrap_means(x, n_resamples, seed=None):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or n_resamples < 1:
        raise ValueError("x must be a non-empty 1-D array and n_resamples >= 1")
    rng = np.random.default_rng(seed)
    idx = rng.permuted(np.tile(np.arange(x.size), (n_resamples, 1)), axis=1)
    return x[idx].mean(axis=1)
