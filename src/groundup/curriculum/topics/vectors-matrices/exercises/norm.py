"""Exercise linalg.norm: the length (norm) of a vector.

Run `groundup lesson linalg.vectors` for the lesson, `groundup check linalg.norm` to check.
"""

import numpy as np  # noqa: F401 - you will need it
from numpy.typing import ArrayLike


def norm(v: ArrayLike) -> float:
    r"""Euclidean length of a vector.

    .. math:: \lVert v \rVert = \sqrt{v \cdot v} = \sqrt{\textstyle\sum_{i=1}^{n} v_i^2}

    Parameters
    ----------
    v : array_like, shape (n,)

    Returns
    -------
    float
        The length, ``>= 0``.

    Raises
    ------
    ValueError
        If ``v`` is not 1-D.

    Examples
    --------
    >>> norm([3, 4])
    5.0
    """
    # TODO: square every element, add them up, take the square root.
    raise NotImplementedError
