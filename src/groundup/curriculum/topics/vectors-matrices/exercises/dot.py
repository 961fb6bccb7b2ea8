"""Exercise linalg.dot: the dot product.

Run `groundup lesson linalg.vectors` for the lesson, `groundup check linalg.dot` to check.
"""

import numpy as np  # noqa: F401 - you will need it
from numpy.typing import ArrayLike


def dot(u: ArrayLike, v: ArrayLike) -> float:
    r"""Dot product of two vectors.

    .. math:: u \cdot v = \sum_{i=1}^{n} u_i v_i

    Parameters
    ----------
    u, v : array_like, shape (n,)
        Two vectors of the same length (lists or NumPy arrays).

    Returns
    -------
    float
        The sum of the element-wise products.

    Raises
    ------
    ValueError
        If ``u`` or ``v`` is not 1-D, or their lengths differ.

    Examples
    --------
    >>> dot([1, 2, 3], [4, 5, 6])
    32.0
    """
    # TODO: check the shapes, multiply element by element, add everything up.
    raise NotImplementedError
