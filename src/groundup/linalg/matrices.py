"""Matrices: transpose, matrix product, linear systems, determinant and inverse (phase 1).

Everything is written from scratch with NumPy arrays as storage: no ``@``, no
``numpy.linalg``. The elimination routines share one helper, :func:`_eliminate`, which is
Gaussian elimination with partial pivoting, the algorithm behind ``numpy.linalg.solve`` (LAPACK
``gesv``).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray


def _matrix(A: ArrayLike, name: str) -> NDArray[np.float64]:
    arr = np.asarray(A, dtype=float)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be a 2-D matrix, got an array of shape {arr.shape}")
    return arr


def _square(A: ArrayLike, name: str) -> NDArray[np.float64]:
    arr = _matrix(A, name)
    if arr.shape[0] != arr.shape[1]:
        raise ValueError(f"{name} must be square, got shape {arr.shape}")
    return arr


def _pivot_tolerance(A: NDArray[np.float64]) -> float:
    # A pivot this small relative to the largest entry is rounding noise, not information:
    # the matrix is singular to working precision. Relative, so that scaling A by 1e-10 does
    # not make it "singular".
    return max(A.shape[0], 1) * float(np.finfo(float).eps) * float(np.abs(A).max(initial=0.0))


def transpose(A: ArrayLike) -> NDArray[np.generic]:
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
    A = np.asarray(A)
    if A.ndim != 2:
        raise ValueError(f"A must be a 2-D matrix, got an array of shape {A.shape}")
    m, n = A.shape
    out = np.empty((n, m), dtype=A.dtype)
    for i in range(m):
        out[:, i] = A[i, :]  # row i of A is column i of the result
    return out


def matmul(A: ArrayLike, B: ArrayLike) -> NDArray[np.float64]:
    r"""Matrix product, rows times columns (like ``A @ B`` for 2-D ``A``).

    .. math:: (AB)_{ij} = \sum_{k=1}^{n} A_{ik} B_{kj}

    Entry ``(i, j)`` is the dot product of row ``i`` of ``A`` with column ``j`` of ``B``. A 1-D
    ``B`` is treated as a column vector and the result is 1-D, as in NumPy.

    Parameters
    ----------
    A : array_like, shape (m, n)
    B : array_like, shape (n, p) or (n,)

    Returns
    -------
    ndarray, shape (m, p) or (m,)

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, ``B`` is not 1-D or 2-D, or the inner dimensions differ
        (``A.shape[1] != B.shape[0]``).

    Examples
    --------
    >>> matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    array([[19., 22.],
           [43., 50.]])
    >>> matmul([[1, 2], [3, 4]], [1, 1])
    array([3., 7.])
    """
    A = _matrix(A, "A")
    B = np.asarray(B, dtype=float)
    if B.ndim not in (1, 2):
        raise ValueError(f"B must be a 1-D vector or a 2-D matrix, got shape {B.shape}")
    if A.shape[1] != B.shape[0]:
        raise ValueError(
            f"inner dimensions differ: A is {A.shape} and B is {B.shape}; "
            f"A.shape[1] ({A.shape[1]}) must equal B.shape[0] ({B.shape[0]})")
    vector = B.ndim == 1
    B2 = B.reshape(-1, 1) if vector else B  # (n,) -> (n, 1): a vector is one column
    m, p = A.shape[0], B2.shape[1]
    out = np.zeros((m, p))
    for i in range(m):
        for j in range(p):
            out[i, j] = (A[i, :] * B2[:, j]).sum()  # row i . column j
    return out[:, 0] if vector else out  # (m, 1) -> (m,)


def _eliminate(A: NDArray[np.float64], B: NDArray[np.float64], *, name: str = "A",
               ) -> tuple[NDArray[np.float64], NDArray[np.float64], int]:
    """Forward elimination with partial pivoting on copies of ``A`` (n, n) and ``B`` (n, k).

    Returns the upper-triangular ``U``, the transformed right-hand sides, and the number of
    row swaps. Raises ``ValueError`` when a pivot is below the relative tolerance.
    """
    U, C = A.copy(), B.copy()
    n = U.shape[0]
    tol = _pivot_tolerance(A)
    swaps = 0
    for k in range(n):
        # Partial pivoting: bring up the row with the largest |entry| in column k. Dividing by a
        # tiny pivot would magnify rounding errors (or divide by zero).
        p = k + int(np.argmax(np.abs(U[k:, k])))
        if abs(U[p, k]) <= tol:
            raise ValueError(f"{name} is singular (or nearly so): no usable pivot in column {k}")
        if p != k:
            U[[k, p]] = U[[p, k]]
            C[[k, p]] = C[[p, k]]
            swaps += 1
        factors = U[k + 1:, k] / U[k, k]  # (n - k - 1,)
        U[k + 1:, k:] -= factors[:, None] * U[k, k:]
        C[k + 1:] -= factors[:, None] * C[k]
    return U, C, swaps


def solve(A: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
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
        precision (a pivot below ``n * eps * max|A|``).

    Examples
    --------
    >>> solve([[2, 1], [1, 3]], [3, 5])
    array([0.8, 1.4])
    """
    A = _square(A, "A")
    b = np.asarray(b, dtype=float)
    n = A.shape[0]
    if b.ndim not in (1, 2) or b.shape[0] != n:
        raise ValueError(f"b must have shape ({n},) or ({n}, k) to match A {A.shape}, "
                         f"got {b.shape}")
    vector = b.ndim == 1
    B = b.reshape(n, -1)  # (n,) -> (n, 1)
    U, C, _ = _eliminate(A, B)
    X = np.zeros_like(C)
    for i in range(n - 1, -1, -1):
        # (U[i, i+1:] * X[i+1:]) has shape (n-i-1, k): the already-solved unknowns.
        X[i] = (C[i] - (U[i, i + 1:, None] * X[i + 1:]).sum(axis=0)) / U[i, i]
    return X[:, 0] if vector else X  # (n, 1) -> (n,)


def det(A: ArrayLike) -> float:
    r"""Determinant of a square matrix, by elimination.

    Elimination turns ``A`` into an upper-triangular ``U`` without changing the determinant,
    except that each row swap flips its sign; the determinant of a triangular matrix is the
    product of its diagonal:

    .. math:: \det A = (-1)^{s} \prod_{i=1}^{n} U_{ii}

    where :math:`s` is the number of row swaps.

    Parameters
    ----------
    A : array_like, shape (n, n)

    Returns
    -------
    float
        The determinant; ``0.0`` when ``A`` is singular to working precision.

    Raises
    ------
    ValueError
        If ``A`` is not square.

    Examples
    --------
    >>> det([[0, 1], [1, 0]])  # one row swap
    -1.0
    """
    A = _square(A, "A")
    n = A.shape[0]
    try:
        U, _, swaps = _eliminate(A, np.zeros((n, 0)))
    except ValueError:
        return 0.0  # no usable pivot: the columns are dependent, the volume is zero
    sign = -1.0 if swaps % 2 else 1.0
    return sign * float(np.prod(np.diagonal(U)))


def inv(A: ArrayLike) -> NDArray[np.float64]:
    r"""Inverse of a square matrix.

    The inverse is the matrix :math:`X` with :math:`A X = I`: column ``j`` of :math:`X` solves
    :math:`A x = e_j`, so all columns come from one elimination with :math:`I` as the
    right-hand side.

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
    A = _square(A, "A")
    return solve(A, np.eye(A.shape[0]))
