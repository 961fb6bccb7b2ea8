"""Exercise linalg.det: the determinant by elimination.

Run `groundup lesson linalg.matrices` for the lesson, `groundup check linalg.det` to check.
"""

import numpy as np  # noqa: F401 - you will need it
from numpy.typing import ArrayLike


def det(A: ArrayLike) -> float:
    r"""Determinant of a square matrix, by elimination.

    Elimination turns ``A`` into an upper-triangular ``U`` without changing the determinant,
    except that each row swap flips its sign:

    .. math:: \det A = (-1)^{s} \prod_{i=1}^{n} U_{ii}

    where :math:`s` is the number of row swaps.

    Parameters
    ----------
    A : array_like, shape (n, n)

    Returns
    -------
    float
        The determinant; ``0.0`` when ``A`` is singular to working precision (no pivot
        larger than ``n * eps * max|A|``).

    Raises
    ------
    ValueError
        If ``A`` is not square.

    Examples
    --------
    >>> det([[0, 1], [1, 0]])  # one row swap
    -1.0
    """
    # TODO: eliminate with partial pivoting on a copy, count the row swaps, multiply the
    # pivots; return 0.0 when no usable pivot is left.
    raise NotImplementedError
