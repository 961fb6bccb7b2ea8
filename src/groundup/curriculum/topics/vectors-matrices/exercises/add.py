"""Exercise linalg.add: adding vectors.

Run `groundup lesson linalg.vectors` for the lesson, `groundup check linalg.add` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def add(u: ArrayLike, v: ArrayLike) -> np.ndarray:
    r"""Sum of two vectors, element by element.

    .. math:: (u + v)_i = u_i + v_i

    Parameters
    ----------
    u, v : array_like, shape (n,)
        Two vectors of the same length (lists or NumPy arrays).

    Returns
    -------
    ndarray, shape (n,)
        A new float array; the inputs are left unchanged.

    Raises
    ------
    ValueError
        If ``u`` or ``v`` is not 1-D, or their lengths differ.

    Examples
    --------
    >>> add([1, 2], [3, -1])
    array([4., 1.])
    """
    # TODO: convert to float arrays, check the shapes, add element by element.
    raise NotImplementedError
