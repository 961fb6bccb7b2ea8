"""Exercise linalg.matmul: matrix multiplication.

Run `groundup lesson linalg.matmul` for the lesson, `groundup check linalg.matmul` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def matmul(A: ArrayLike, B: ArrayLike) -> np.ndarray:
    r"""Matrix product, rows times columns (like ``A @ B``).

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
    # TODO: check the shapes, then fill out[i, j] with row i of A times column j of B.
    raise NotImplementedError
