"""Exercise np.reproducible_rng: bootstrap resamples you can reproduce from a seed.

Run `groundup lesson np.dtypes_random` for the lesson, `groundup check np.reproducible_rng` to
check. No Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def bootstrap_means(x: ArrayLike, n_resamples: int,
                    seed: int | np.random.Generator | None = None) -> NDArray[np.float64]:
    r"""Means of ``n_resamples`` bootstrap resamples of ``x``, reproducible from ``seed``.

    A bootstrap resample draws ``n`` values from ``x`` with replacement. With
    ``rng = np.random.default_rng(seed)``, draw all the row indices in one call,
    ``idx = rng.integers(0, n, size=(n_resamples, n))``; resample ``b`` is ``x[idx[b]]``.
    The spread of the means estimates the standard error of the mean,
    :math:`\sigma / \sqrt{n}`.

    Parameters
    ----------
    x : array_like, shape (n,)
        At least one value.
    n_resamples : int
        At least 1.
    seed : int or numpy.random.Generator, optional
        The same seed must give the same means; the global ``np.random`` state must not be
        touched.

    Returns
    -------
    ndarray, shape (n_resamples,)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or is empty, or ``n_resamples < 1``.

    Examples
    --------
    >>> m = bootstrap_means([1.0, 2.0, 3.0, 4.0], 1000, seed=0)
    >>> m.shape, bool(np.all(m == bootstrap_means([1.0, 2.0, 3.0, 4.0], 1000, seed=0)))
    ((1000,), True)
    """
    # TODO: validate; make a generator from the seed, draw the (n_resamples, n) indices in
    # one call, and average each resample (a row of x[idx]).
    raise NotImplementedError
