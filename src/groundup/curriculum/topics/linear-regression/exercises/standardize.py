"""Exercise linreg.standardize: give every feature mean 0 and standard deviation 1.

Run `groundup lesson linreg.least-squares` for the lesson, `groundup check linreg.standardize`
to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def standardize(X: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Standardise each column of ``X``.

    .. math:: \mu_j = \frac1n\sum_i X_{ij}, \qquad
              \sigma_j = \sqrt{\frac1n\sum_i (X_{ij} - \mu_j)^2}, \qquad
              Z_{ij} = \frac{X_{ij} - \mu_j}{\sigma_j}

    The standard deviation divides by :math:`n` (not :math:`n - 1`). A constant column has
    :math:`\sigma_j = 0`: use the scale 1 for it, so that it becomes zeros instead of NaN.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)

    Returns
    -------
    Z : ndarray, shape (n_samples, n_features)
    mean : ndarray, shape (n_features,)
    scale : ndarray, shape (n_features,)
        :math:`\sigma_j`, or 1 for a constant column.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has no rows or columns, or holds NaN or infinity.

    Examples
    --------
    >>> Z, mean, scale = standardize([[1.0, 5.0], [3.0, 5.0]])
    >>> Z.tolist(), mean.tolist(), scale.tolist()
    ([[-1.0, 0.0], [1.0, 0.0]], [2.0, 5.0], [1.0, 1.0])
    """
    # TODO: validate, compute the column means and standard deviations, fix constant columns.
    raise NotImplementedError
