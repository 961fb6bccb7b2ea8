"""Exercise linalg.scale: scaling a vector.

Run `groundup lesson linalg.vectors` for the lesson, `groundup check linalg.scale` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def scale(c: float, v: ArrayLike) -> np.ndarray:
    r"""A vector multiplied by a number (a *scalar*).

    .. math:: (c\,v)_i = c\,v_i

    Parameters
    ----------
    c : float
        The scalar.
    v : array_like, shape (n,)
        A vector (a list or a NumPy array).

    Returns
    -------
    ndarray, shape (n,)
        A new float array: the arrow ``v`` stretched by ``c`` (flipped when ``c < 0``).

    Raises
    ------
    ValueError
        If ``v`` is not 1-D.

    Examples
    --------
    >>> scale(3, [1, -2])
    array([ 3., -6.])
    """
    # TODO: convert v to a float array, check it is 1-D, multiply every element by c.
    raise NotImplementedError
