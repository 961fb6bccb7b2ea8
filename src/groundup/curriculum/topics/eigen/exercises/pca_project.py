"""Exercise linalg.pca_project: project data onto its top principal components.

Run `groundup lesson linalg.dimensionality-reduction` for the lesson,
`groundup check linalg.pca_project` to check.

What you may use: you wrote an eigendecomposition yourself in `linalg.eigh`; here, use
`numpy.linalg.eigh` for that step so that this exercise stands on its own (it returns the same
thing as yours: ascending eigenvalues, eigenvectors as columns). Not allowed: `numpy.cov`
(write the covariance as in `linalg.covariance`), `numpy.linalg.svd` and `numpy.linalg.eig`,
scikit-learn, SciPy.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def pca_project(X: ArrayLike, k: int) -> NDArray[np.float64]:
    r"""Project data onto its ``k`` principal components.

    Centre the data, take the eigenvectors :math:`v_1, \dots, v_k` of its covariance matrix
    with the :math:`k` largest eigenvalues (largest first), and project:

    .. math:: Z = (X - \bar{x}) \, [v_1 \; v_2 \; \cdots \; v_k]

    **Sign convention**: an eigenvector is only defined up to sign, so flip each
    :math:`v_j` if needed to make its entry of largest absolute value positive.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    k : int
        The number of components, ``1 <= k <= n_features``.

    Returns
    -------
    Z : ndarray, shape (n_samples, k)
        Column ``j`` holds every sample's coordinate along component ``j``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, or ``k`` is not between 1 and ``n_features``.

    Examples
    --------
    >>> Z = pca_project([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], k=1)
    >>> np.round(Z.ravel(), 6)
    array([-1.414214,  0.      ,  1.414214])
    """
    # TODO: validate X and k; centre X; covariance matrix; np.linalg.eigh (ascending order);
    # keep the k eigenvectors with the largest eigenvalues, largest first; fix their signs;
    # return the centred data times those columns.
    raise NotImplementedError
