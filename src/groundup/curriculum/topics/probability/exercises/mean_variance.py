"""Exercise prob.mean_variance: the mean and the variance of a sample.

Run `groundup lesson prob.distributions` for the lesson, `groundup check prob.mean_variance` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def mean(x: ArrayLike) -> float:
    r"""Sample mean.

    .. math:: \bar x = \frac{1}{n} \sum_{i=1}^{n} x_i

    Parameters
    ----------
    x : array_like, shape (n,)
        The observations (a list or a NumPy array), at least one.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``x`` is empty.

    Examples
    --------
    >>> mean([1, 2, 3, 6])
    3.0
    """
    # TODO: convert with np.asarray(x, dtype=float), refuse an empty x, sum and divide by n.
    raise NotImplementedError


def variance(x: ArrayLike, ddof: int = 0) -> float:
    r"""Sample variance: the average squared distance to the mean.

    .. math:: s^2 = \frac{1}{n - \text{ddof}} \sum_{i=1}^{n} (x_i - \bar x)^2

    ``ddof=0`` divides by ``n`` (the population variance), ``ddof=1`` by ``n - 1`` (the
    unbiased sample variance).

    Parameters
    ----------
    x : array_like, shape (n,)
    ddof : int, default 0
        Must satisfy ``0 <= ddof < n``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``ddof`` is negative or ``n - ddof <= 0``.

    Examples
    --------
    >>> variance([1, 2, 3, 6])
    3.5
    """
    # TODO: subtract the mean first, square, add up, divide by n - ddof.
    raise NotImplementedError
