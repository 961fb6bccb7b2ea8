"""Exercise kmeans.lloyd: Lloyd's algorithm, the k-means loop.

Run `groundup lesson kmeans.clustering` for the lesson, `groundup check kmeans.lloyd` to check.
The checks compare your result with scikit-learn's ``KMeans(init=centers, n_init=1)``, which runs
exactly this loop. You may paste in your `assign_clusters`, `update_centers` and `inertia`.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def lloyd(X: ArrayLike, centers: ArrayLike, max_iter: int = 300,
          tol: float = 0.0) -> tuple[NDArray[np.float64], NDArray[np.intp], float, int]:
    r"""Alternate the assignment and update steps until the centres stop moving.

    One iteration: assign every sample to its nearest centre, move every centre to the mean
    of its samples (an empty cluster keeps its centre), and measure how far the centres moved,

    .. math:: \text{shift} = \sum_j \lVert c_j^{\text{new}} - c_j \rVert^2 .

    Stop after the first iteration whose shift is ``<= tol`` (with ``tol = 0``: when the
    assignments stop changing, so the centres stop moving), or after ``max_iter`` iterations.
    Then assign once more, so that the returned labels belong to the returned centres, and
    compute the inertia :math:`\sum_i \lVert x_i - c_{\ell_i} \rVert^2` with them.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    centers : array_like, shape (n_clusters, n_features)
        The starting centres. Do not modify it.
    max_iter : int, default 300
        At least 1.
    tol : float, default 0.0
        At least 0.

    Returns
    -------
    centers : ndarray, shape (n_clusters, n_features)
    labels : ndarray of int, shape (n_samples,)
    inertia : float
    n_iter : int
        How many iterations ran (between 1 and ``max_iter``).

    Raises
    ------
    ValueError
        If the shapes do not match, ``max_iter < 1`` or ``tol < 0``.

    Examples
    --------
    >>> C, labels, J, n_iter = lloyd([[0.0], [1.0], [10.0], [11.0]], [[0.0], [1.0]])
    >>> C.ravel(), labels, J, n_iter
    (array([ 0.5, 10.5]), array([0, 0, 1, 1]), 1.0, 3)
    """
    # TODO: validate; copy the centres; loop (assign, update, shift, stop?) counting
    # iterations; assign again; inertia; return the four results.
    raise NotImplementedError
