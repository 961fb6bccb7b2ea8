"""Exercise pca.covariance_eigh: principal components from the covariance matrix.

Run `groundup lesson pca.components` for the lesson, `groundup check pca.covariance_eigh` to
check. This completes phase 1's `linalg.pca_project`: there you projected onto the top
eigenvectors; here you return the components themselves, as rows, with their variances, exactly
as scikit-learn's ``PCA`` stores them (``components_``, ``explained_variance_``).

You may use ``numpy.linalg.eigh``; not allowed: ``numpy.linalg.svd`` (that is the other solver),
``numpy.cov``, SciPy, ``sklearn.decomposition``.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def covariance_eigh(X: ArrayLike,
                    n_components: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""The top principal components of ``X`` and the variance along each.

    With the centred data :math:`X_c = X - \bar{x}` and the sample covariance
    :math:`\Sigma = X_c^\top X_c / (n - 1)`, the eigendecomposition
    :math:`\Sigma = V \operatorname{diag}(\lambda) V^\top` gives

    - the **components**: the eigenvectors :math:`v_j`, largest eigenvalue first, each one a
      *row* of the result;
    - the **explained variance**: the eigenvalues :math:`\lambda_j`, descending (a tiny negative
      eigenvalue is rounding noise: make it 0).

    **Sign convention** (scikit-learn's): flip each component if needed so that its entry of
    largest absolute value is positive.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        At least 2 samples.
    n_components : int
        ``1 <= n_components <= n_features``.

    Returns
    -------
    components : ndarray, shape (n_components, n_features)
    explained_variance : ndarray, shape (n_components,)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has fewer than 2 samples, or ``n_components`` is out of range.

    Examples
    --------
    >>> comps, var = covariance_eigh([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], 1)
    >>> np.round(comps, 6), np.round(var, 6)
    (array([[0.707107, 0.707107]]), array([2.]))
    """
    # TODO: validate; centre; covariance; np.linalg.eigh (ascending, eigenvectors as columns);
    # largest first; rows; sign convention; keep n_components; clip negative eigenvalues.
    raise NotImplementedError
