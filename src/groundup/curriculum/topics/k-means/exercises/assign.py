"""Exercise kmeans.assign: the assignment step of k-means, without Python loops.

Run `groundup lesson kmeans.clustering` for the lesson, `groundup check kmeans.assign` to check.

Write it vectorised: no `for`/`while` loops or comprehensions (NumPy does the looping), and no
scikit-learn or SciPy distance helpers.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def assign_clusters(X: ArrayLike, centers: ArrayLike) -> NDArray[np.intp]:
    r"""The index of each sample's nearest centre.

    .. math:: \ell_i = \arg\min_j \lVert x_i - c_j \rVert^2,
              \qquad \lVert x - c \rVert^2 = \lVert x \rVert^2 - 2\, x \cdot c + \lVert c \rVert^2

    Build the whole ``(n_samples, n_clusters)`` table of squared distances at once (the
    expansion above turns it into one matrix product plus two broadcast norms), then take the
    argmin of each row. Ties go to the lowest centre index, as ``np.argmin`` does.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    centers : array_like, shape (n_clusters, n_features)

    Returns
    -------
    labels : ndarray of int, shape (n_samples,)

    Raises
    ------
    ValueError
        If ``X`` or ``centers`` is not 2-D, there is no centre, or the numbers of features
        differ.

    Examples
    --------
    >>> assign_clusters([[0.0, 0.0], [9.0, 9.0], [1.0, 0.0]], [[0.0, 0.0], [10.0, 10.0]])
    array([0, 1, 0])
    """
    # TODO: validate; squared distances for every (sample, centre) pair; argmin per row.
    raise NotImplementedError
