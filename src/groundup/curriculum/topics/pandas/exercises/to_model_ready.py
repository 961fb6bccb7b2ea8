"""Exercise pd.to_model_ready: one-hot encode, standardise, and split off the target.

Run `groundup lesson pd.reshaping` for the lesson, `groundup check pd.to_model_ready` to
check. pandas only (no scikit-learn: that is phase 3). Do not change `df`.
"""

from collections.abc import Sequence

import pandas as pd


def to_model_ready(df: pd.DataFrame, numeric: Sequence[str], categorical: Sequence[str],
                   target: str) -> tuple[pd.DataFrame, pd.Series]:
    r"""A float feature matrix ``X`` and an integer target ``y`` from a clean table.

    * numeric columns are standardised, :math:`z = (x - \bar x) / s` with the *population*
      standard deviation :math:`s = \sqrt{\frac1n \sum_i (x_i - \bar x)^2}` (ddof 0, as
      scikit-learn's ``StandardScaler``); a constant column (:math:`s = 0`) becomes zeros.
    * each categorical column becomes one float 0/1 column ``<column>_<value>`` per value that
      occurs, the values sorted as strings (compare them as ``df[col].astype("str")``).

    Parameters
    ----------
    df : pandas.DataFrame
        No missing values in the columns used.
    numeric, categorical : sequence of str
    target : str
        A bool or integer column.

    Returns
    -------
    (pandas.DataFrame, pandas.Series)
        ``X`` (float64): the numeric columns in the given order, then each categorical
        column's one-hot columns; ``df``'s index. ``y``: ``df[target]`` as int64 (same name
        and index).

    Raises
    ------
    ValueError
        If a column is missing, a used value is missing (impute first), a numeric column is
        not numeric, or the target is neither bool nor integer.

    Examples
    --------
    >>> df = pd.DataFrame({"age": [20.0, 40.0], "city": ["NY", "LA"], "churned": [True, False]})
    >>> X, y = to_model_ready(df, ["age"], ["city"], "churned")
    >>> X
       age  city_LA  city_NY
    0 -1.0      0.0      1.0
    1  1.0      1.0      0.0
    >>> y.tolist()
    [1, 0]
    """
    # TODO: validate; scale the numeric columns; pd.get_dummies for each categorical column;
    # concatenate; y = df[target].astype("int64").
    raise NotImplementedError
