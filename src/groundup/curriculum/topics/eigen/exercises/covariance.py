"""Exercise linalg.covariance: the sample covariance matrix.

Run `groundup lesson linalg.dimensionality-reduction` for the lesson,
`groundup check linalg.covariance` to check. Not allowed here: `numpy.cov`, `numpy.corrcoef`,
`numpy.linalg`, pandas' `.cov`.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def covariance(X: ArrayLike) -> NDArray[np.float64]:
    r"""The sample covariance matrix of a data set (one row a sample, one column a feature).

    .. math:: \Sigma_{jk} = \frac{1}{n - 1} \sum_{i=1}^{n} (x_{ij} - \bar{x}_j)(x_{ik} - \bar{x}_k),
              \qquad \Sigma = \frac{1}{n - 1} (X - \bar{x})^\top (X - \bar{x})

    where :math:`\bar{x}_j` is the mean of column :math:`j` and :math:`n` the number of samples.
    The same as ``numpy.cov(X, rowvar=False)``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)

    Returns
    -------
    ndarray, shape (n_features, n_features)
        Symmetric, with the variance of each feature on the diagonal.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or has fewer than 2 samples.

    Examples
    --------
    >>> covariance([[0.0, 0.0], [2.0, 4.0]])
    array([[2., 4.],
           [4., 8.]])
    """
    # TODO: validate X; subtract the column means; multiply the centred data by itself
    # (features x features) and divide by n_samples - 1.
    raise NotImplementedError
