"""Exercise kmeans.update: the update step of k-means.

Run `groundup lesson kmeans.clustering` for the lesson, `groundup check kmeans.update` to check.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def update_centers(X: ArrayLike, labels: ArrayLike, centers: ArrayLike) -> NDArray[np.float64]:
    r"""Move every centre to the mean of the samples assigned to it.

    .. math:: c_j \leftarrow \frac{1}{|S_j|} \sum_{i \in S_j} x_i,
              \qquad S_j = \{\, i : \ell_i = j \,\}

    **Empty clusters.** If no sample has label ``j``, the mean is 0/0: keep the old centre
    ``centers[j]`` instead.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    labels : array_like of int, shape (n_samples,)
        Each sample's cluster index, in ``[0, n_clusters)``.
    centers : array_like, shape (n_clusters, n_features)
        The current centres. Do not modify it: return a new array.

    Returns
    -------
    new_centers : ndarray, shape (n_clusters, n_features)

    Raises
    ------
    ValueError
        If the shapes do not match (``X`` 2-D, ``labels`` one per sample, ``centers`` with
        ``X``'s number of features) or a label is outside ``[0, n_clusters)``.

    Examples
    --------
    >>> update_centers([[0.0], [2.0], [10.0]], [0, 0, 1], [[5.0], [5.0]])
    array([[ 1.],
           [10.]])
    >>> update_centers([[0.0], [2.0]], [0, 0], [[5.0], [7.0]])   # cluster 1 is empty
    array([[1.],
           [7.]])
    """
    # TODO: validate; count and sum the samples of each cluster; divide where the count is
    # positive; keep the old centre where it is 0.
    raise NotImplementedError
