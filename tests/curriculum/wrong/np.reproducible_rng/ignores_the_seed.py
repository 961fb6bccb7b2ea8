# Wrong: makes a fresh generator without the seed, so results differ from call to call.
import numpy as np


def bootstrap_means(x, n_resamples, seed=None):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0 or n_resamples < 1:
        raise ValueError("x must be a non-empty 1-D array and n_resamples >= 1")
    rng = np.random.default_rng()
    idx = rng.integers(0, x.size, size=(n_resamples, x.size))
    return x[idx].mean(axis=1)
