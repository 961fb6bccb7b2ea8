"""Exercise viz.pair_plot: a pair plot of a small data set.

Run `groundup lesson viz.seaborn` for the lesson, `groundup check viz.pair_plot` to check.
"""

import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure


def pair_plot(df: pd.DataFrame, hue: str | None = None) -> Figure:
    r"""Every numeric column against every other, each column's distribution on the diagonal.

    For :math:`p` numeric columns (``hue`` excluded) this is a :math:`p \times p` grid: panel
    :math:`(i, j)` with :math:`i \ne j` is the scatter plot of column :math:`j` (x) against
    column :math:`i` (y), with every row of ``df``; the :math:`p` diagonal panels show one
    column's distribution each. With ``hue``, the points are coloured by that column's values
    and a legend lists them.

    Parameters
    ----------
    df : pandas.DataFrame
        At least two numeric columns besides ``hue``.
    hue : str, optional
        The column that colours the points (a class label); it is not a panel itself.

    Returns
    -------
    matplotlib.figure.Figure
        The grid's figure (``sns.pairplot`` returns a ``PairGrid``; its ``.figure``).

    Raises
    ------
    ValueError
        If ``hue`` is not a column of ``df``, or fewer than two numeric columns remain
        besides it.

    Examples
    --------
    >>> fig = pair_plot(pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]}))
    >>> sum(len(ax.collections) > 0 for ax in fig.axes)  # the 2 off-diagonal scatter panels
    2
    """
    # TODO: validate hue and the numeric columns; grid = sns.pairplot(...); return grid.figure.
    raise NotImplementedError
