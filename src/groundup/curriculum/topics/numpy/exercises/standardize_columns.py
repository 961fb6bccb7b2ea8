"""Exercise np.standardize_columns: mean 0 and standard deviation 1 for every column.

Run `groundup lesson np.vectorisation` for the lesson, `groundup check np.standardize_columns`
to check. No Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def standardize_columns(X: ArrayLike) -> NDArray[np.float64]:
    r"""Give every column mean 0 and standard deviation 1, like scikit-learn's StandardScaler.

    .. math:: Z_{ij} = \frac{X_{ij} - \mu_j}{\sigma_j}, \qquad
              \mu_j = \frac{1}{n}\sum_i X_{ij}, \qquad
              \sigma_j = \sqrt{\frac{1}{n}\sum_i (X_{ij} - \mu_j)^2}

    A constant column (:math:`\sigma_j = 0`) becomes all zeros instead of 0 / 0.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        At least one row.

    Returns
    -------
    ndarray, shape (n_samples, n_features)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or has no rows.

    Examples
    --------
    >>> standardize_columns([[1.0, 5.0], [3.0, 5.0]])
    array([[-1.,  0.],
           [ 1.,  0.]])
    """
    # TODO: validate X; compute each column's mean and standard deviation (axis=0,
    # keepdims=True); subtract and divide, dividing by 1 where the deviation is 0.
    raise NotImplementedError
