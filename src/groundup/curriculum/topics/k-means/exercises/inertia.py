"""Exercise kmeans.inertia: the quantity k-means makes small.

Run `groundup lesson kmeans.clustering` for the lesson, `groundup check kmeans.inertia` to check.
"""

import numpy as np  # noqa: F401 - for your code
from numpy.typing import ArrayLike


def inertia(X: ArrayLike, centers: ArrayLike, labels: ArrayLike) -> float:
    r"""The sum of squared distances from each sample to its assigned centre.

    .. math:: J = \sum_{i=1}^{n} \lVert x_i - c_{\ell_i} \rVert^2

    Use the centre each sample is *labelled* with, even if another centre is closer: this is
    the objective for a given assignment (scikit-learn's ``KMeans.inertia_``).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    centers : array_like, shape (n_clusters, n_features)
    labels : array_like of int, shape (n_samples,)

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the shapes do not match or a label is outside ``[0, n_clusters)``.

    Examples
    --------
    >>> inertia([[0.0], [2.0], [10.0]], [[1.0], [10.0]], [0, 0, 1])
    2.0
    """
    # TODO: validate; line up each sample's centre; sum the squared differences.
    raise NotImplementedError
