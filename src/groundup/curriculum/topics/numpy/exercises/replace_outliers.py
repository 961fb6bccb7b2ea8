"""Exercise np.masks_and_indexing: replace outliers column by column with a boolean mask.

Run `groundup lesson np.indexing` for the lesson, `groundup check np.masks_and_indexing` to
check. No Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def replace_outliers(X: ArrayLike, k: float = 3.0) -> NDArray[np.float64]:
    r"""Replace, column by column, the values more than ``k`` standard deviations from the mean.

    A value :math:`X_{ij}` is an outlier when :math:`|X_{ij} - \mu_j| > k\,\sigma_j` (mean and
    population standard deviation of column ``j``, outliers included); it is replaced by the
    column's median. Constant columns have no outliers.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        At least one row.
    k : float
        The threshold, ``> 0``.

    Returns
    -------
    ndarray, shape (n_samples, n_features)
        A new array; ``X`` itself must not change.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has no rows, or ``k <= 0``.

    Examples
    --------
    >>> replace_outliers([[1.0], [2.0], [3.0], [100.0]], k=1.5)
    array([[1. ],
           [2. ],
           [3. ],
           [2.5]])
    """
    # TODO: validate; compute the column means, standard deviations and medians (axis=0,
    # keepdims=True); build the boolean mask of outliers and choose with np.where.
    raise NotImplementedError
