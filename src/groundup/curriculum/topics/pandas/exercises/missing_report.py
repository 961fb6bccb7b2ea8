"""Exercise pd.missing_report: count the missing values of every column, in all their forms.

Run `groundup lesson pd.missing` for the lesson, `groundup check pd.missing_report` to check.
Do not change the DataFrame you are given (the grader checks): build a new one.
"""

from collections.abc import Sequence

import pandas as pd

MISSING_TOKENS = ("", "?", "na", "n/a", "unknown")


def missing_report(df: pd.DataFrame, tokens: Sequence[str] = MISSING_TOKENS) -> pd.DataFrame:
    r"""How many values of each column are missing, whatever form "missing" takes.

    A cell is missing when it is ``NaN``, ``None`` or ``NaT`` (``pd.isna``), or when it is a
    string that, stripped of spaces and lower-cased, is one of ``tokens``. For a column with
    :math:`n` rows of which :math:`m` are missing, ``fraction`` is :math:`m / n`.

    Parameters
    ----------
    df : pandas.DataFrame, at least one row
    tokens : sequence of str
        The strings that mean "missing" (compare them stripped and lower-case too).

    Returns
    -------
    pandas.DataFrame
        One row per column of ``df``, in ``df``'s order, indexed by the column names (index
        name ``"column"``), with ``n_missing`` (int64) and ``fraction`` (float64).

    Raises
    ------
    ValueError
        If ``df`` has no rows.

    Examples
    --------
    >>> missing_report(pd.DataFrame({"age": ["34", "?", None], "city": ["NY", " NA", "LA"]}))
            n_missing  fraction
    column
    age             2  0.666667
    city            1  0.333333
    """
    # TODO: combine df.isna() with a test for the tokens in string cells, count per column.
    raise NotImplementedError
