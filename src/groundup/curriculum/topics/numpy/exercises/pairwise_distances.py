"""Exercise np.pairwise_distances: every distance between two sets of points, by broadcasting.

Run `groundup lesson np.vectorisation` for the lesson, `groundup check np.pairwise_distances`
to check. No Python loops: a check also times your function against a double loop over the
pairs of rows, and asks for at least a 10x speed-up.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def pairwise_distances(X: ArrayLike, Y: ArrayLike) -> NDArray[np.float64]:
    r"""Euclidean distance between every row of ``X`` and every row of ``Y``.

    .. math:: D_{ij} = \lVert x_i - y_j \rVert_2 = \sqrt{\textstyle\sum_k (X_{ik} - Y_{jk})^2}

    Parameters
    ----------
    X : array_like, shape (n, d)
    Y : array_like, shape (m, d)

    Returns
    -------
    ndarray, shape (n, m)
        ``D[i, j]`` is the distance from ``X[i]`` to ``Y[j]``.

    Raises
    ------
    ValueError
        If ``X`` or ``Y`` is not 2-D, or their numbers of columns differ.

    Examples
    --------
    >>> pairwise_distances([[0.0, 0.0], [3.0, 4.0]], [[0.0, 0.0]])
    array([[0.],
           [5.]])
    """
    # TODO: validate the shapes; broadcast X to (n, 1, d) and Y to (1, m, d), subtract,
    # square, sum over the last axis and take the square root. No `for`, no `while`.
    raise NotImplementedError
