# Wrong: draws the indices with shape (n, n_resamples) and averages columns: a valid bootstrap
# in law, but not the documented draw, so the same seed gives other resamples than the recipe
# rng.integers(0, n, size=(n_resamples, n)).
import numpy as np


def bootstrap_means(x, n_resamples, seed=None):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or n_resamples < 1:
        raise ValueError("x must be a non-empty 1-D array and n_resamples >= 1")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(x.size, n_resamples))
    return x[idx].mean(axis=0)
