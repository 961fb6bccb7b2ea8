"""Exercise pd.impute: fill missing values with the mean, the median or the mode, and say why.

Run `groundup lesson pd.missing` for the lesson, `groundup check pd.impute` to check.
Do not change the DataFrame you are given (the grader checks): work on `df.copy()`.
"""

from collections.abc import Sequence

import pandas as pd


def impute(df: pd.DataFrame, numeric: Sequence[str],
           categorical: Sequence[str]) -> tuple[pd.DataFrame, dict[str, str]]:
    r"""Fill the missing values of the listed columns, one strategy per column.

    * numeric column: compute the sample skewness of its observed values,
      ``df[col].skew()`` (the bias-corrected
      :math:`G_1 = \frac{\sqrt{n(n-1)}}{n-2} \frac{m_3}{m_2^{3/2}}`). When
      :math:`|G_1| \le 1` the values are roughly symmetric: fill with the **mean**.
      Otherwise (or when the skew is undefined, NaN) fill with the **median**, which a long
      tail cannot drag.
    * categorical column: fill with the **mode**, the most frequent value; on a tie, the
      smallest (``Series.mode()`` sorts them).

    Parameters
    ----------
    df : pandas.DataFrame
    numeric, categorical : sequence of str
        The columns to impute.

    Returns
    -------
    (pandas.DataFrame, dict of str to str)
        The filled copy of ``df`` (same dtypes, index and columns), and a reason for every
        listed column that starts with the strategy used: ``"mean: ..."``, ``"median: ..."``
        or ``"mode: ..."`` (say why after the colon, e.g. ``"median: skewed (skew 3.10)"``).

    Raises
    ------
    ValueError
        If a column does not exist, has no observed value, or a numeric column is not of a
        numeric dtype.

    Examples
    --------
    >>> df = pd.DataFrame({"age": [30.0, None, 40.0], "city": ["NY", None, "NY"]})
    >>> filled, why = impute(df, ["age"], ["city"])
    >>> filled["age"].tolist(), filled["city"].tolist(), sorted(why)
    ([30.0, 35.0, 40.0], ['NY', 'NY', 'NY'], ['age', 'city'])
    """
    # TODO: validate, then fill each numeric column (mean or median by its skew) and each
    # categorical column (mode) on a copy, recording a reason per column.
    raise NotImplementedError
