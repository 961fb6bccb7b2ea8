"""Exercise pd.normalize_categories: map every spelling of a category onto one name.

Run `groundup lesson pd.cleaning` for the lesson, `groundup check pd.normalize_categories` to
check. Vectorised pandas only: no for/while loops, no `.apply`. Do not change `values`.
"""

from collections.abc import Mapping

import pandas as pd

MISSING_TOKENS = ("", "?", "na", "n/a", "unknown")


def normalize_categories(values: pd.Series, aliases: Mapping[str, str]) -> pd.Series:
    r"""Canonical categories from messy spellings (``"NY"``, ``" new york"`` -> ``"New York"``).

    Each value is stripped, lower-cased and has its inner runs of spaces collapsed to one
    (``" New  York "`` -> ``"new york"``), then looked up in ``aliases``, whose keys are
    written that way already. Missing values (``NaN``, ``None``) and the ``MISSING_TOKENS``
    stay missing.

    Parameters
    ----------
    values : pandas.Series of str
    aliases : mapping of str to str
        Normalised spelling -> canonical name.

    Returns
    -------
    pandas.Series
        dtype ``category`` with the categories ``sorted(set(aliases.values()))`` (also the
        ones that do not occur); the same index and name as ``values``.

    Raises
    ------
    ValueError
        If a (non-missing) value is not a known spelling; say which.

    Examples
    --------
    >>> s = pd.Series(["NY", " new york", None], name="city")
    >>> normalize_categories(s, {"ny": "New York", "new york": "New York"}).tolist()
    ['New York', 'New York', nan]
    """
    # TODO: normalise the text with the .str methods, keep missing values missing, refuse
    # unknown spellings, .map the rest and build a categorical Series.
    raise NotImplementedError
