"""Exercise viz.correlation_heatmap: an annotated correlation heatmap.

Run `groundup lesson viz.seaborn` for the lesson, `groundup check viz.correlation_heatmap` to
check.
"""

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure


def correlation_heatmap(df: pd.DataFrame) -> Figure:
    r"""A heatmap of the Pearson correlations between the numeric columns, annotated.

    Cell :math:`(i, j)` shows the correlation of columns :math:`a = i` and :math:`b = j`,

    .. math:: r_{ab} = \frac{\sum_k (a_k - \bar a)(b_k - \bar b)}
              {\sqrt{\sum_k (a_k - \bar a)^2}\,\sqrt{\sum_k (b_k - \bar b)^2}}

    (``DataFrame.corr()``), written in the cell with two decimals (``annot=True,
    fmt=".2f"``), coloured with the diverging ``"coolwarm"`` map from -1 to 1, with a colour
    bar.

    Parameters
    ----------
    df : pandas.DataFrame
        At least two numeric columns; text and boolean columns are left out.

    Returns
    -------
    matplotlib.figure.Figure
        One heatmap Axes whose tick labels (x and y) are the numeric column names, and a
        colour bar.

    Raises
    ------
    ValueError
        If ``df`` has fewer than two numeric columns.

    Examples
    --------
    >>> fig = correlation_heatmap(pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1]}))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['1.00', '-1.00', '-1.00', '1.00']
    """
    # TODO: select the numeric columns (ValueError if fewer than 2); corr = ....corr();
    # fig, ax = plt.subplots(); sns.heatmap(corr, annot=True, ...); return fig.
    raise NotImplementedError
