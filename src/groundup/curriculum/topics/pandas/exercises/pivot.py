"""Exercise pd.pivot: a churn-rate table with pivot_table.

Run `groundup lesson pd.reshaping` for the lesson, `groundup check pd.pivot` to check.
Vectorised pandas only: no for/while loops, no `.apply`. Do not change `df`.
"""

import pandas as pd


def churn_table(df: pd.DataFrame, index: str, columns: str,
                target: str = "churned") -> pd.DataFrame:
    r"""The mean of ``target`` for each pair (``index`` value, ``columns`` value).

    With a 0/1 (or False/True) target the mean over a group :math:`G` is
    :math:`\frac{1}{|G|}\sum_{i \in G} y_i`, the fraction of churners: the churn rate.

    Parameters
    ----------
    df : pandas.DataFrame
    index, columns : str
        The columns whose values become the rows and the columns of the table.
    target : str, default "churned"
        A bool or numeric column.

    Returns
    -------
    pandas.DataFrame
        Rows: the values of ``index``, sorted (index name ``index``); columns: the values of
        ``columns``, sorted (columns name ``columns``); float64 cells, ``NaN`` for a pair that
        never occurs. Rows whose ``index`` or ``columns`` value is missing are left out.

    Raises
    ------
    ValueError
        If a column is missing, or ``target`` is neither bool nor numeric.

    Examples
    --------
    >>> df = pd.DataFrame({"city": ["NY", "NY", "LA"], "plan": ["basic", "basic", "pro"],
    ...                    "churned": [True, False, True]})
    >>> churn_table(df, "city", "plan")
    plan  basic  pro
    city
    LA      NaN  1.0
    NY      0.5  NaN
    """
    # TODO: validate, then df.pivot_table(..., aggfunc="mean") with a float64 target.
    raise NotImplementedError
