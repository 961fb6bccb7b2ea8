"""Exercise np.top_k: the k largest values of every row, and where they are.

Run `groundup lesson np.indexing` for the lesson, `groundup check np.top_k` to check.
No Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def top_k(X: ArrayLike, k: int) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    r"""The ``k`` largest values of every row and their column indices, largest first.

    Like ``torch.topk(X, k, dim=1)``: ``values[i, r]`` is the ``r``-th largest entry of row
    ``i`` and ``indices[i, r]`` its column, so that
    ``values == np.take_along_axis(X, indices, axis=1)``. With ties, any of the tied columns.

    Parameters
    ----------
    X : array_like, shape (n, m)
    k : int
        ``0 <= k <= m``.

    Returns
    -------
    values : ndarray of float, shape (n, k)
    indices : ndarray of int, shape (n, k)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``k`` is not a whole number in ``[0, m]``.

    Examples
    --------
    >>> top_k([[0.1, 0.7, 0.2]], 2)
    (array([[0.7, 0.2]]), array([[1, 2]]))
    """
    # TODO: validate; sort each row's column indices by decreasing value (argsort along
    # axis=1), keep k of them, and gather the values with np.take_along_axis.
    raise NotImplementedError
