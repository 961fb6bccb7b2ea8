# Wrong: the mask marks the rows that were drawn (in bag), not the ones never drawn.
import numpy as np


def bootstrap_sample(n_samples, rng):
    if n_samples < 1:
        raise ValueError("n_samples must be >= 1")
    indices = rng.integers(0, n_samples, size=n_samples)
    return indices, np.bincount(indices, minlength=n_samples) > 0
