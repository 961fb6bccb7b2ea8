"""Exercise pca.whiten_inverse: project with PCA, whiten, and map back.

Run `groundup lesson pca.components` for the lesson, `groundup check pca.whiten_inverse` to
check. The checks give you a fitted scikit-learn ``PCA``'s ``mean_``, ``components_`` and
``explained_variance_`` and compare with its ``transform`` / ``inverse_transform``.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def pca_transform(X: ArrayLike, mean: ArrayLike, components: ArrayLike,
                  explained_variance: ArrayLike, whiten: bool = False) -> NDArray[np.float64]:
    r"""Coordinates of the samples along the principal components.

    .. math:: Z = (X - \mu)\, W^\top, \qquad
              Z_{\text{white}} = Z\, \operatorname{diag}(\lambda)^{-1/2}

    where the rows of :math:`W` are the components and :math:`\lambda` their variances. With
    ``whiten=True``, each column is divided by its standard deviation :math:`\sqrt{\lambda_j}`,
    so that on the training data every coordinate has variance 1.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    mean : array_like, shape (n_features,)
        The training data's mean.
    components : array_like, shape (n_components, n_features)
    explained_variance : array_like, shape (n_components,)
    whiten : bool, default False

    Returns
    -------
    Z : ndarray, shape (n_samples, n_components)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> pca_transform([[3.0, 1.0]], [1.0, 1.0], [[1.0, 0.0]], [4.0], whiten=True)
    array([[1.]])
    """
    # TODO: validate the shapes; centre with `mean`; project; divide by sqrt(variance) if
    # whitening.
    raise NotImplementedError


def pca_inverse_transform(Z: ArrayLike, mean: ArrayLike, components: ArrayLike,
                          explained_variance: ArrayLike, whiten: bool = False) -> NDArray[np.float64]:
    r"""Map principal-component coordinates back to the original features.

    .. math:: \hat{X} = Z\, W + \mu, \qquad
              \hat{X} = Z_{\text{white}}\, \operatorname{diag}(\lambda)^{1/2}\, W + \mu

    With every component this undoes :func:`pca_transform` exactly; with fewer, it gives the
    reconstruction: the closest point to each sample in the space the kept components span.

    Parameters
    ----------
    Z : array_like, shape (n_samples, n_components)
    mean : array_like, shape (n_features,)
    components : array_like, shape (n_components, n_features)
    explained_variance : array_like, shape (n_components,)
    whiten : bool, default False
        Whether ``Z`` holds whitened coordinates.

    Returns
    -------
    X_hat : ndarray, shape (n_samples, n_features)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> pca_inverse_transform([[1.0]], [1.0, 1.0], [[1.0, 0.0]], [4.0], whiten=True)
    array([[3., 1.]])
    """
    # TODO: validate the shapes; undo the whitening if any; multiply by the components; add
    # the mean back.
    raise NotImplementedError
