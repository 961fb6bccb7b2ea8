"""Exercise linalg.transpose: transposing a matrix.

Run `groundup lesson linalg.matrices` for the lesson, `groundup check linalg.transpose` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def transpose(A: ArrayLike) -> np.ndarray:
    r"""Transpose of a matrix: rows become columns.

    .. math:: (A^\top)_{ji} = A_{ij}

    Parameters
    ----------
    A : array_like, shape (m, n)

    Returns
    -------
    ndarray, shape (n, m)
        A new array with the same dtype as ``A``.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D.

    Examples
    --------
    >>> transpose([[1, 2, 3], [4, 5, 6]])
    array([[1, 4],
           [2, 5],
           [3, 6]])
    """
    # TODO: check A is 2-D, allocate the result with the shape swapped, copy the entries.
    raise NotImplementedError
