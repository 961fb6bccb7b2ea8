"""Exercise forest.bootstrap_sample: resample the rows with replacement; find the out-of-bag ones.

Run `groundup lesson forest.random_forests` for the lesson, `groundup check
forest.bootstrap_sample` to check.
"""

import numpy as np


def bootstrap_sample(n_samples: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    r"""Draw ``n_samples`` row indices with replacement, and mark the rows never drawn.

    Draw the indices with exactly ``rng.integers(0, n_samples, size=n_samples)`` (so that the
    same generator always gives the same sample). A row is missed by all :math:`n` draws with
    probability

    .. math:: \left(1 - \frac{1}{n}\right)^n \approx e^{-1} \approx 0.368,

    so about a third of the rows are *out of bag*.

    Parameters
    ----------
    n_samples : int
        At least 1.
    rng : numpy.random.Generator

    Returns
    -------
    indices : ndarray of int, shape (n_samples,)
    oob_mask : ndarray of bool, shape (n_samples,)
        True for the rows that ``indices`` never contains.

    Raises
    ------
    ValueError
        If ``n_samples`` is not an integer >= 1.

    Examples
    --------
    >>> bootstrap_sample(5, np.random.default_rng(0))
    (array([4, 3, 2, 1, 1]), array([ True, False, False, False, False]))
    """
    # TODO: draw the indices from rng, count how often each row was drawn (np.bincount),
    # the out-of-bag rows are those drawn 0 times.
    raise NotImplementedError
