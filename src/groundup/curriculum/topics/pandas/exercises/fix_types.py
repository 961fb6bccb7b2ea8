"""Exercise pd.fix_types: turn text columns into numbers and booleans.

Run `groundup lesson pd.missing` for the lesson, `groundup check pd.fix_types` to check.
Do not change the DataFrame you are given (the grader checks): work on `df.copy()`.
"""

from collections.abc import Mapping, Sequence

import pandas as pd

TRUE_WORDS = ("yes", "y", "true", "1")
FALSE_WORDS = ("no", "n", "false", "0")


def fix_types(df: pd.DataFrame, numeric: Sequence[str], boolean: Sequence[str] = (),
              bounds: Mapping[str, tuple[float, float]] | None = None) -> pd.DataFrame:
    r"""Parse the ``numeric`` columns as float64 and the ``boolean`` columns as bool.

    * numeric: strip spaces, remove thousands separators ``,`` and dollar signs ``$``
      (``"$52,000"`` -> ``52000.0``); whatever is still not a number (``"?"``, ``""``,
      ``"unknown"``, ``None``) becomes ``NaN``. dtype ``float64``, even for int columns.
    * bounds ``{column: (low, high)}``: a number :math:`x` with :math:`x < low` or
      :math:`x > high` is impossible and becomes ``NaN``.
    * boolean: ``TRUE_WORDS`` -> ``True``, ``FALSE_WORDS`` -> ``False`` (any case, stripped).

    Every other column is returned unchanged; the column order and the index are kept.

    Parameters
    ----------
    df : pandas.DataFrame
    numeric : sequence of str
    boolean : sequence of str, default ()
    bounds : mapping of str to (float, float), optional

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If a named column does not exist, a bounds column is not in ``numeric``,
        ``low > high``, or a boolean column holds any other value (a missing one too).

    Examples
    --------
    >>> raw = pd.DataFrame({"income": ["52,000", "$61,500", "?"], "churned": ["yes", "No", "n"]})
    >>> fix_types(raw, numeric=["income"], boolean=["churned"])
        income  churned
    0  52000.0     True
    1  61500.0    False
    2      NaN    False
    """
    # TODO: copy df; clean and parse each numeric column (pd.to_numeric, errors="coerce"),
    # apply bounds, map the boolean words; raise ValueError for the invalid cases.
    raise NotImplementedError
