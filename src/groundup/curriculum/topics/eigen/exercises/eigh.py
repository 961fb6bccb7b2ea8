"""Exercise linalg.eigh: all eigenvalues and eigenvectors of a symmetric matrix.

Run `groundup lesson linalg.eigen` for the lesson, `groundup check linalg.eigh` to check.
Not allowed here: `numpy.linalg` and `scipy` (the matrix product `@` is fine).
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def eigh(A: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Eigenvalues and eigenvectors of a symmetric matrix, by the cyclic Jacobi method.

    Find an orthogonal :math:`V` and eigenvalues :math:`w` with

    .. math:: A V = V \operatorname{diag}(w), \qquad V^\top V = I.

    A Jacobi rotation :math:`J` (the identity, except :math:`J_{pp} = J_{qq} = c`,
    :math:`J_{pq} = s`, :math:`J_{qp} = -s`) makes :math:`(J^\top A J)_{pq} = 0` when

    .. math:: \tau = \frac{A_{qq} - A_{pp}}{2 A_{pq}}, \quad
              t = \frac{\operatorname{sign}(\tau)}{|\tau| + \sqrt{1 + \tau^2}}, \quad
              c = \frac{1}{\sqrt{1 + t^2}}, \quad s = t c.

    Sweep over all pairs :math:`p < q` (``A = J.T @ A @ J``, ``V = V @ J``) until the
    off-diagonal entries are negligible; the diagonal then holds the eigenvalues.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A symmetric matrix.

    Returns
    -------
    w : ndarray, shape (n,)
        The eigenvalues in ascending order (like ``numpy.linalg.eigh``).
    V : ndarray, shape (n, n)
        Orthonormal eigenvectors as **columns**: ``A @ V[:, i] == w[i] * V[:, i]``.

    Raises
    ------
    ValueError
        If ``A`` is not square, or not symmetric.

    Examples
    --------
    >>> w, V = eigh([[2.0, 1.0], [1.0, 2.0]])
    >>> np.round(w, 6)
    array([1., 3.])
    """
    # TODO: validate A (square, np.allclose(A, A.T)); V = identity; sweep Jacobi rotations over
    # every pair p < q (skip A[p, q] == 0) until the off-diagonal part is tiny; then sort the
    # diagonal ascending and reorder the columns of V the same way.
    raise NotImplementedError
