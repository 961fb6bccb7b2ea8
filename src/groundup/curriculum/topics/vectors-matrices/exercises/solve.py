"""Exercise linalg.solve: solving Ax = b by Gaussian elimination.

Run `groundup lesson linalg.matrices` for the lesson, `groundup check linalg.solve` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def solve(A: ArrayLike, b: ArrayLike) -> np.ndarray:
    r"""Solve the linear system :math:`A x = b` by Gaussian elimination.

    Forward elimination with partial pivoting turns :math:`A x = b` into :math:`U x = c` with
    :math:`U` upper triangular; back substitution then solves from the last row up:

    .. math:: x_i = \frac{c_i - \sum_{j > i} U_{ij} x_j}{U_{ii}}

    Parameters
    ----------
    A : array_like, shape (n, n)
        A square, non-singular matrix.
    b : array_like, shape (n,) or (n, k)
        One right-hand side, or ``k`` of them as columns.

    Returns
    -------
    ndarray, shape (n,) or (n, k)
        The solution ``x``, with the shape of ``b``.

    Raises
    ------
    ValueError
        If ``A`` is not square, ``b`` has the wrong shape, or ``A`` is singular to working
        precision (no pivot larger than ``n * eps * max|A|``, with
        ``eps = np.finfo(float).eps``).

    Examples
    --------
    >>> solve([[2, 1], [1, 3]], [3, 5])
    array([0.8, 1.4])
    """
    # TODO: validate the shapes; on copies of A and b, eliminate column by column, swapping in
    # the row with the largest |entry| first (raise ValueError if it is too small); then back
    # substitution from the last row up. Do not change the caller's A or b.
    raise NotImplementedError
