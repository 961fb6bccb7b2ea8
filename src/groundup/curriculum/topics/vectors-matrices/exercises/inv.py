"""Exercise linalg.inv: the inverse of a matrix.

Run `groundup lesson linalg.matrices` for the lesson, `groundup check linalg.inv` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def inv(A: ArrayLike) -> np.ndarray:
    r"""Inverse of a square matrix: the :math:`X` with :math:`A X = X A = I`.

    Column ``j`` of :math:`X` solves :math:`A x = e_j`, the ``j``-th column of the identity.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A square, non-singular matrix.

    Returns
    -------
    ndarray, shape (n, n)

    Raises
    ------
    ValueError
        If ``A`` is not square, or is singular to working precision.

    Examples
    --------
    >>> inv([[2, 0], [0, 4]])
    array([[0.5 , 0.  ],
           [0.  , 0.25]])
    """
    # TODO: eliminate [A | I] with partial pivoting (Gauss-Jordan), or solve A X = I with
    # your own solve copied into this file.
    raise NotImplementedError
