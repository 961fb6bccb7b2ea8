"""Exercise pd.clip_outliers: clip values beyond Tukey's IQR fences, and flag them.

Run `groundup lesson pd.cleaning` for the lesson, `groundup check pd.clip_outliers` to check.
Vectorised pandas only: no for/while loops. Do not change `values`.
"""

import pandas as pd


def clip_outliers(values: pd.Series, k: float = 1.5) -> tuple[pd.Series, pd.Series]:
    r"""Clip into :math:`[Q_1 - k\,\mathrm{IQR},\; Q_3 + k\,\mathrm{IQR}]` and flag what was outside.

    :math:`Q_1` and :math:`Q_3` are the 25 % and 75 % quantiles of the observed values
    (linear interpolation, pandas' default; ``NaN`` ignored) and
    :math:`\mathrm{IQR} = Q_3 - Q_1`.

    Parameters
    ----------
    values : pandas.Series of numbers
    k : float, default 1.5
        How many IQRs beyond the quartiles a value may lie; must be >= 0.

    Returns
    -------
    (pandas.Series, pandas.Series)
        The clipped values (float64, ``NaN`` stays ``NaN``), and a bool Series that is True
        where a value was outside the fences (False for ``NaN``). Both keep the index and the
        name of ``values``.

    Raises
    ------
    ValueError
        If ``k < 0``, the values are not numeric (bool counts as not numeric), or every
        value is missing.

    Examples
    --------
    >>> clipped, flag = clip_outliers(pd.Series([1.0, 2.0, 3.0, 4.0, 100.0]))
    >>> clipped.tolist(), flag.tolist()
    ([1.0, 2.0, 3.0, 4.0, 7.0], [False, False, False, False, True])
    """
    # TODO: quartiles with .quantile, the two fences, then .clip and a boolean comparison.
    raise NotImplementedError
