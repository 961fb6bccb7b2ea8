"""Exercise pd.parse_dates: parse dates written in two formats, and nothing else.

Run `groundup lesson pd.cleaning` for the lesson, `groundup check pd.parse_dates` to check.
Vectorised pandas only: no for/while loops, no `.apply`, no `datetime`/`dateutil`.
"""

import pandas as pd


def parse_dates(values: pd.Series) -> pd.Series:
    r"""Dates written ``YYYY-MM-DD`` (ISO 8601) or ``MM/DD/YYYY`` (US) as datetimes.

    Spaces around a date are ignored. Anything else becomes ``NaT``: a blank or missing
    value, garbage, an impossible date (``2021-02-30``), and a day-first date such as
    ``31/01/2021`` (there is no month 31; a guessing parser would swap day and month).

    Parameters
    ----------
    values : pandas.Series of str

    Returns
    -------
    pandas.Series
        A ``datetime64`` dtype (any unit); the same index and name as ``values``.

    Examples
    --------
    >>> parse_dates(pd.Series(["2021-03-15", "03/15/2021", "?"])).tolist()
    [Timestamp('2021-03-15 00:00:00'), Timestamp('2021-03-15 00:00:00'), NaT]
    """
    # TODO: strip the text, parse it once per format with pd.to_datetime(format=...,
    # errors="coerce"), and fill the gaps of one result with the other.
    raise NotImplementedError
