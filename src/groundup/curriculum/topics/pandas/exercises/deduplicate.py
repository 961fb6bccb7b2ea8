"""Exercise pd.deduplicate: keep one row per key, the most complete copy.

Run `groundup lesson pd.cleaning` for the lesson, `groundup check pd.deduplicate` to check.
Do not change the DataFrame you are given (the grader checks).
"""

import pandas as pd


def deduplicate(df: pd.DataFrame, key: str) -> pd.DataFrame:
    r"""One row per value of ``key``: among the copies, the one with the fewest missing cells.

    The missing cells of a row are counted with ``pd.isna`` (``NaN``, ``None``, ``NaT``). On a
    tie, keep the copy that comes first. The kept rows stay in their original order, with
    their original index labels.

    Parameters
    ----------
    df : pandas.DataFrame
    key : str
        The column that identifies a row (a customer id).

    Returns
    -------
    pandas.DataFrame
        The rows of ``df`` that are kept (a subset of its rows, unchanged).

    Raises
    ------
    ValueError
        If ``key`` is not a column, or has missing values.

    Examples
    --------
    >>> df = pd.DataFrame({"id": ["C1", "C1", "C2"], "age": [None, 34.0, 51.0]})
    >>> deduplicate(df, "id")
       id   age
    1  C1  34.0
    2  C2  51.0
    """
    # TODO: count the missing cells per row, order the rows best-first (stably), drop the
    # later copies of each key, and restore the original order.
    raise NotImplementedError
