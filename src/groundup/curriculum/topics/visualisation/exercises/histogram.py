"""Exercise viz.histogram: a histogram with given bins.

Run `groundup lesson viz.anatomy` for the lesson, `groundup check viz.histogram` to check.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike


def histogram(x: ArrayLike, bins: int | ArrayLike = 10, xlabel: str = "value") -> Figure:
    r"""Draw a histogram of ``x`` and return its figure.

    With bin edges :math:`e_0 < e_1 < \dots < e_B`, bar :math:`b` covers
    :math:`[e_b, e_{b+1})` (the last bin also holds :math:`e_B`) and its height is the count

    .. math:: c_b = \#\{\, i : e_b \le x_i < e_{b+1} \,\}

    exactly what ``np.histogram(x, bins)`` returns. An integer ``bins`` means that many
    equal-width bins from ``min(x)`` to ``max(x)``; values outside the edges are not counted.

    Parameters
    ----------
    x : array_like, shape (n,)
        The values, at least one.
    bins : int or array_like, shape (B + 1,)
        The number of bins (>= 1), or the bin edges (at least 2, strictly increasing).
    xlabel : str
        The x-axis label. Label the y-axis ``"count"``.

    Returns
    -------
    matplotlib.figure.Figure
        A figure with one Axes holding one bar per bin.

    Raises
    ------
    ValueError
        If ``x`` is empty, ``bins`` is an integer below 1, or the edges are not at least two
        strictly increasing numbers.

    Examples
    --------
    >>> fig = histogram([1, 2, 2, 3, 3, 3], bins=3, xlabel="dice")
    >>> [float(bar.get_height()) for bar in fig.axes[0].patches]
    [1.0, 2.0, 3.0]
    """
    # TODO: validate x and bins; fig, ax = plt.subplots(); draw the bars with ax.hist;
    # label the axes (xlabel, "count"); return fig.
    raise NotImplementedError
