"""Exercise np.dtype_pitfalls: uint8 wrap-around and float32 drift.

Run `groundup lesson np.dtypes_random` for the lesson, `groundup check np.dtype_pitfalls` to
check. No Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def image_mse(a: ArrayLike, b: ArrayLike) -> float:
    r"""Mean squared difference between two uint8 images, computed without wrap-around.

    .. math:: \mathrm{MSE} = \frac{1}{N}\sum_p (a_p - b_p)^2

    Parameters
    ----------
    a, b : array_like of uint8, same shape (any: (H, W), (H, W, 3), ...), not empty

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If a dtype is not uint8, the shapes differ, or the images are empty.

    Examples
    --------
    >>> image_mse(np.array([3, 10], np.uint8), np.array([5, 10], np.uint8))
    2.0
    """
    # TODO: validate; convert both images to a wider type *before* subtracting.
    raise NotImplementedError


def adjust_brightness(img: ArrayLike, delta: int) -> NDArray[np.uint8]:
    r"""Add ``delta`` to every pixel of a uint8 image, saturating at 0 and 255.

    .. math:: \mathrm{out}_p = \min(255, \max(0, \mathrm{img}_p + \delta))

    Parameters
    ----------
    img : array_like of uint8
    delta : int
        May be negative.

    Returns
    -------
    ndarray of uint8, same shape as ``img``

    Raises
    ------
    ValueError
        If ``img`` is not uint8 or ``delta`` is not a whole number.

    Examples
    --------
    >>> adjust_brightness(np.array([10, 200, 250], np.uint8), 10)
    array([ 20, 210, 255], dtype=uint8)
    """
    # TODO: validate; add in a wider integer type, clip to [0, 255], convert back to uint8.
    raise NotImplementedError


def running_total(x: ArrayLike) -> NDArray[np.float64]:
    r"""Cumulative sums :math:`s_i = x_0 + \dots + x_i`, accumulated in float64.

    Also when ``x`` is float32: a float32 total keeps about 7 significant digits.

    Parameters
    ----------
    x : array_like, shape (n,)

    Returns
    -------
    ndarray of float64, shape (n,)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D.

    Examples
    --------
    >>> running_total(np.array([0.5, 0.25, 0.25], dtype=np.float32))
    array([0.5 , 0.75, 1.  ])
    """
    # TODO: validate; cumulative sums with a float64 accumulator.
    raise NotImplementedError
