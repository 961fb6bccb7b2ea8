"""Exercise linalg.cosine_similarity: cosine similarity.

Run `groundup lesson linalg.vectors` for the lesson, `groundup check linalg.cosine_similarity` to check.
"""

import numpy as np  # noqa: F401 - you will need it
from numpy.typing import ArrayLike


def cosine_similarity(u: ArrayLike, v: ArrayLike) -> float:
    r"""Cosine of the angle between two vectors.

    .. math:: \cos\theta = \frac{u \cdot v}{\lVert u \rVert \, \lVert v \rVert}

    1 when the vectors point the same way, 0 when they are perpendicular, -1 when they point
    in opposite directions; the lengths do not matter.

    Parameters
    ----------
    u, v : array_like, shape (n,)
        Two non-zero vectors of the same length.

    Returns
    -------
    float
        A number in ``[-1, 1]``.

    Raises
    ------
    ValueError
        If ``u`` or ``v`` is not 1-D, their lengths differ, or either is the zero vector.

    Examples
    --------
    >>> cosine_similarity([1, 0], [1, 1])  # 45 degrees
    0.7071067811865475
    """
    # TODO: check the shapes, compute the dot product and both lengths, reject a zero length,
    # and divide.
    raise NotImplementedError
