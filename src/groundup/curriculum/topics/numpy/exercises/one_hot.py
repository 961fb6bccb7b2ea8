"""Exercise np.one_hot: one-hot encoding of integer labels by fancy indexing.

Run `groundup lesson np.indexing` for the lesson, `groundup check np.one_hot` to check.
No Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def one_hot(y: ArrayLike, n_classes: int | None = None) -> NDArray[np.float64]:
    r"""One-hot encode integer labels: row ``i`` is all zeros except a 1 in column ``y[i]``.

    .. math:: H_{ik} = [\,y_i = k\,], \qquad k = 0, \dots, K - 1

    Parameters
    ----------
    y : array_like of int, shape (n,)
        Labels in ``0 .. n_classes - 1``.
    n_classes : int, optional
        ``K``; by default ``max(y) + 1``.

    Returns
    -------
    ndarray of float, shape (n, n_classes)

    Raises
    ------
    ValueError
        If ``y`` is not 1-D, holds a negative or non-whole label, a label ``>= n_classes``, or
        if ``n_classes`` cannot be inferred (empty ``y`` without ``n_classes``).

    Examples
    --------
    >>> one_hot([2, 0, 1])
    array([[0., 0., 1.],
           [1., 0., 0.],
           [0., 1., 0.]])
    """
    # TODO: validate y and n_classes, then pick rows of an identity matrix with y.
    raise NotImplementedError
