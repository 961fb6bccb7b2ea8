# Wrong: draws without replacement (a permutation), so no row is ever out of bag.
import numpy as np


def bootstrap_sample(n_samples, rng):
    if n_samples < 1:
        raise ValueError("n_samples must be >= 1")
    indices = rng.permutation(n_samples)
    return indices, np.bincount(indices, minlength=n_samples) == 0
