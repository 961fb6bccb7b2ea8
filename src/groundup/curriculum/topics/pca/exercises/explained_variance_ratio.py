"""Exercise pca.explained_variance_ratio: how much each component explains, and how many to keep.

Run `groundup lesson pca.components` for the lesson, `groundup check pca.explained_variance_ratio`
to check. Two functions: the first gives the shares, the second turns a target share into a
number of components (what ``PCA(n_components=0.95)`` does).
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def explained_variance_ratio(X: ArrayLike) -> NDArray[np.float64]:
    r"""The share of the total variance along each principal component, largest first.

    .. math:: r_j = \frac{\lambda_j}{\sum_m \lambda_m}

    with :math:`\lambda_j` the eigenvalues of the sample covariance matrix (divide by
    :math:`n - 1`), in descending order. The centred data have rank at most
    :math:`\min(n_{samples}, n_{features})`, so return that many ratios (like scikit-learn's
    ``PCA().explained_variance_ratio_``). If every variance is 0, return zeros.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        At least 2 samples.

    Returns
    -------
    ratio : ndarray, shape (min(n_samples, n_features),)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or has fewer than 2 samples.

    Examples
    --------
    >>> np.round(explained_variance_ratio([[0.0, 0.0], [2.0, 1.0], [4.0, 2.0], [6.0, 3.5]]), 4)
    array([0.9985, 0.0015])
    """
    # TODO: validate; eigenvalues of the covariance matrix, descending, clipped at 0; keep
    # min(n_samples, n_features); divide by their sum.
    raise NotImplementedError


def choose_n_components(ratio: ArrayLike, threshold: float) -> int:
    r"""The fewest components whose ratios add up to *more than* ``threshold``.

    The smallest :math:`k` with :math:`r_1 + \dots + r_k > t` — strictly greater, as in
    scikit-learn's ``PCA(n_components=t)``. If rounding leaves every running total at or below
    :math:`t`, keep them all (``len(ratio)``).

    Parameters
    ----------
    ratio : array_like, shape (n_components,)
        Explained variance ratios, largest first.
    threshold : float
        Strictly between 0 and 1.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``ratio`` is not a non-empty 1-D array or ``threshold`` is not in (0, 1).

    Examples
    --------
    >>> choose_n_components([0.6, 0.3, 0.1], 0.85)
    2
    >>> choose_n_components([0.6, 0.3, 0.1], 0.9)   # 0.9 is not *more than* 0.9
    3
    """
    # TODO: validate; running total; first position where it exceeds the threshold, plus 1.
    raise NotImplementedError
