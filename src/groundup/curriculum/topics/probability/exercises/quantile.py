"""Exercise prob.quantile: quantiles by linear interpolation.

Run `groundup lesson prob.distributions` for the lesson, `groundup check prob.quantile` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def quantile(x: ArrayLike, q: ArrayLike) -> float | np.ndarray:
    r"""The ``q``-quantile of the data, interpolating linearly (NumPy's default method).

    Sort the data, :math:`x_{(0)} \le \dots \le x_{(n-1)}`, and let :math:`h = (n-1) q`,
    :math:`i = \lfloor h \rfloor`:

    .. math:: Q(q) = x_{(i)} + (h - i)\,\left(x_{(i+1)} - x_{(i)}\right)

    (when :math:`i = n - 1`, that is :math:`q = 1`, the answer is :math:`x_{(n-1)}`).

    Parameters
    ----------
    x : array_like, shape (n,)
        The data, at least one value.
    q : float or array_like
        Probabilities in [0, 1]; 0.5 is the median.

    Returns
    -------
    float, or ndarray with the shape of ``q``

    Raises
    ------
    ValueError
        If ``x`` is empty or a ``q`` is outside [0, 1].

    Examples
    --------
    >>> quantile([1, 2, 3, 4], 0.5)
    2.5
    >>> quantile([3, 1, 2], [0.0, 1.0])
    array([1., 3.])
    """
    # TODO: validate, sort, compute h and its floor, interpolate to the next order statistic.
    raise NotImplementedError
