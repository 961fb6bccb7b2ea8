"""Exercise viz.boxplots: box plots and the outliers beyond 1.5 IQR.

Run `groundup lesson viz.choosing` for the lesson, `groundup check viz.boxplots` to check.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from numpy.typing import ArrayLike


def iqr_outliers(x: ArrayLike, whis: float = 1.5) -> np.ndarray:
    r"""The values a box plot draws as single points: further than ``whis`` IQRs from the box.

    With the quartiles :math:`Q_1, Q_3` (``np.percentile(x, [25, 75])``) and the
    inter-quartile range :math:`\mathrm{IQR} = Q_3 - Q_1`, :math:`x_i` is an outlier when

    .. math:: x_i < Q_1 - w\,\mathrm{IQR} \quad\text{or}\quad x_i > Q_3 + w\,\mathrm{IQR}

    Parameters
    ----------
    x : array_like, shape (n,)
        The values, at least one.
    whis : float
        The whisker length :math:`w`, in IQRs, >= 0 (Tukey's 1.5 by default).

    Returns
    -------
    ndarray, shape (n_outliers,)
        The outliers (in any order).

    Raises
    ------
    ValueError
        If ``x`` is empty or ``whis < 0``.

    Examples
    --------
    >>> iqr_outliers([1, 2, 3, 4, 100])
    array([100.])
    """
    # TODO: validate; quartiles with np.percentile; keep the values beyond the two fences.
    raise NotImplementedError


def boxplots(df: pd.DataFrame) -> Figure:
    r"""One vertical box plot per numeric column of ``df``, side by side.

    The box spans :math:`Q_1` to :math:`Q_3` with a line at the median; the whiskers reach the
    most extreme values within :math:`1.5\,\mathrm{IQR}` of the box, and every value beyond
    them is drawn as a point (a "flier"): exactly the values of :func:`iqr_outliers`.

    Parameters
    ----------
    df : pandas.DataFrame
        Other columns than numeric ones (text, booleans) are left out.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes, one box per numeric column in column order, the x tick labels naming the
        columns, the outliers drawn.

    Raises
    ------
    ValueError
        If ``df`` has no numeric column.

    Examples
    --------
    >>> fig = boxplots(pd.DataFrame({"a": [1, 2, 3, 4, 100], "b": [5, 6, 7, 8, 9]}))
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['a', 'b']
    """
    # TODO: keep the numeric columns (ValueError if none); fig, ax = plt.subplots();
    # sns.boxplot(data=..., whis=1.5, ax=ax); return fig.
    raise NotImplementedError
