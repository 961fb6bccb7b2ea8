"""Exercise np.moving_average: the mean of every window of consecutive values.

Run `groundup lesson np.vectorisation` for the lesson, `groundup check np.moving_average` to
check. No Python loops, and no np.convolve (the checks compare your answer with it).
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def moving_average(x: ArrayLike, window: int) -> NDArray[np.float64]:
    r"""The mean of every ``window`` consecutive values (``np.convolve``'s mode "valid").

    .. math:: a_i = \frac{1}{w}\sum_{j=i}^{i+w-1} x_j = \frac{c_{i+w} - c_i}{w},
              \qquad c_i = \sum_{j<i} x_j \ (c_0 = 0)

    Parameters
    ----------
    x : array_like, shape (n,)
    window : int
        ``1 <= window <= n``.

    Returns
    -------
    ndarray, shape (n - window + 1,)

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or ``window`` is not a whole number in ``[1, n]``.

    Examples
    --------
    >>> moving_average([1.0, 2.0, 3.0, 4.0], 2)
    array([1.5, 2.5, 3.5])
    """
    # TODO: validate x and window; build the cumulative sums with a 0 in front, and take
    # differences that are `window` apart.
    raise NotImplementedError
