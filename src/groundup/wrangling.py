"""Data wrangling with pandas: from a raw, messy table to a model-ready ``X`` and ``y``.

Phase 2 of the course. Every function here is what a learner writes in a ``pd.*`` exercise;
``tests/reference/test_wrangling.py`` checks them against other pandas idioms, NumPy, SciPy and
scikit-learn. None of them changes its input: each works on a copy and returns a new object.

The order of the steps matters, and :func:`clean_customers` shows it on
:func:`groundup.datasets.messy_customers`: fix the types first (so that ``"?"`` and ``""``
become ``NaN``), normalise categories and parse dates, *then* de-duplicate (two copies of a row
only look equal once they are spelled the same), clip outliers, impute, join, and encode.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from groundup.datasets import CITY_ALIASES, MISSING_TOKENS, PLAN_ALIASES, messy_customers, orders

EXPORT_DATE = pd.Timestamp("2025-06-30")
TRUE_WORDS = ("yes", "y", "true", "1")
FALSE_WORDS = ("no", "n", "false", "0")


def _frame(df: object, name: str = "df") -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}")
    return df


def _series(values: object, name: str = "values") -> pd.Series:
    if not isinstance(values, pd.Series):
        raise TypeError(f"{name} must be a pandas Series, got {type(values).__name__}")
    return values


def _columns(df: pd.DataFrame, columns: Sequence[str], what: str) -> list[str]:
    columns = list(columns)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what}: no column(s) {missing} in the frame (it has "
                         f"{list(df.columns)})")
    return columns


def _is_token(values: pd.Series, tokens: Sequence[str]) -> pd.Series:
    """Where a cell is a string that, stripped and lower-cased, is one of ``tokens``."""
    lowered = {t.strip().lower() for t in tokens}
    return values.map(lambda v: isinstance(v, str) and v.strip().lower() in lowered).astype(bool)


# --------------------------------------------------------------------------------------------
# Missing values and types

def missing_report(df: pd.DataFrame, tokens: Sequence[str] = MISSING_TOKENS) -> pd.DataFrame:
    """Count the missing values of every column, in all their forms.

    A cell is missing when it is ``NaN``/``None``/``NaT``, or a string that, stripped of
    spaces and lower-cased, is one of ``tokens`` (``""``, ``"?"``, ``"NA"``, ...).

    Parameters
    ----------
    df : pandas.DataFrame, at least one row
    tokens : sequence of str
        The strings that mean "missing" (compared stripped and lower-case).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``df``'s column names (index name ``"column"``), in ``df``'s order, with
        ``n_missing`` (int64) and ``fraction`` (float64, ``n_missing / len(df)``).

    Examples
    --------
    >>> missing_report(pd.DataFrame({"age": ["34", "?", None]}))
            n_missing  fraction
    column
    age             2  0.666667
    """
    df = _frame(df)
    if len(df) == 0:
        raise ValueError("df has no rows: the fraction of missing values is undefined")
    missing = df.isna() | df.apply(_is_token, tokens=tokens)
    counts = missing.sum().astype("int64")
    return pd.DataFrame({"n_missing": counts, "fraction": counts / len(df)},
                        index=pd.Index(df.columns, name="column"))


def fix_types(df: pd.DataFrame, numeric: Sequence[str], boolean: Sequence[str] = (),
              bounds: Mapping[str, tuple[float, float]] | None = None) -> pd.DataFrame:
    """Turn text columns into numbers and booleans.

    * ``numeric`` columns: strip spaces, drop thousands separators and dollar signs
      (``"$52,000"`` -> ``52000``); anything that is still not a number (``"?"``,
      ``"unknown"``, ``""``) becomes ``NaN``. dtype ``float64``.
    * ``bounds``: ``{column: (low, high)}``; numbers outside ``[low, high]`` are impossible
      (an age of 999) and become ``NaN`` too.
    * ``boolean`` columns: ``yes/y/true/1`` -> ``True``, ``no/n/false/0`` -> ``False``
      (any case, spaces stripped). dtype ``bool``.

    Other columns are left as they are; the column order and the index are kept.

    Raises
    ------
    ValueError
        If a named column does not exist, a ``bounds`` column is not in ``numeric``,
        ``low > high``, or a boolean column holds anything else (a missing value included).
    """
    df = _frame(df)
    numeric = _columns(df, numeric, "numeric")
    boolean = _columns(df, boolean, "boolean")
    bounds = dict(bounds or {})
    for col, (low, high) in bounds.items():
        if col not in numeric:
            raise ValueError(f"bounds: {col!r} is not one of the numeric columns {numeric}")
        if low > high:
            raise ValueError(f"bounds for {col!r}: low {low} is above high {high}")
    out = df.copy()
    for col in numeric:
        text = out[col].astype("str").str.strip().str.replace(r"[,$\s]", "", regex=True)
        number = pd.to_numeric(text, errors="coerce").astype("float64")
        if col in bounds:
            low, high = bounds[col]
            number = number.where(number.between(low, high))
        out[col] = number
    for col in boolean:
        words = out[col].astype("str").str.strip().str.lower()
        known = words.isin(TRUE_WORDS + FALSE_WORDS)
        if not known.all():
            bad = out[col][~known].iloc[0]
            raise ValueError(f"boolean column {col!r} holds {bad!r}, which is neither yes nor no")
        out[col] = words.isin(TRUE_WORDS).astype(bool)
    return out


def impute(df: pd.DataFrame, numeric: Sequence[str],
           categorical: Sequence[str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Fill the missing values of each column, and say why that way.

    * numeric columns: the **mean** when the observed values are roughly symmetric
      (``|skew| <= 1``, pandas' bias-corrected sample skewness), otherwise the **median**,
      which a long tail or outliers cannot drag (also when the skew is undefined).
    * categorical columns: the **mode**, the most frequent value (the smallest one on a tie):
      categories have no mean.

    Returns
    -------
    (pandas.DataFrame, dict)
        A filled copy of ``df`` (dtypes kept), and ``{column: reason}`` for every listed
        column, each reason starting with the strategy: ``"mean: ..."``, ``"median: ..."`` or
        ``"mode: ..."``.

    Raises
    ------
    ValueError
        If a column does not exist, is entirely missing, or a numeric column is not numeric.
    """
    df = _frame(df)
    numeric = _columns(df, numeric, "numeric")
    categorical = _columns(df, categorical, "categorical")
    out = df.copy()
    reasons: dict[str, str] = {}
    for col in numeric + categorical:
        if out[col].notna().sum() == 0:
            raise ValueError(f"column {col!r} has no observed values to impute from")
    for col in numeric:
        if not pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col]):
            raise ValueError(f"numeric column {col!r} has dtype {out[col].dtype}: fix its "
                             "type first")
        skew = float(out[col].skew())
        if abs(skew) <= 1:
            value = out[col].mean()
            reasons[col] = f"mean: roughly symmetric (skew {skew:.2f}), the mean is a fair centre"
        else:
            value = out[col].median()
            reasons[col] = (f"median: skewed or too few values (skew {skew:.2f}); the median "
                            "resists the long tail")
        out[col] = out[col].fillna(value)
    for col in categorical:
        value = out[col].mode().iloc[0]
        reasons[col] = f"mode: categories have no mean; the most frequent is {value!r}"
        out[col] = out[col].fillna(value)
    return out, reasons


# --------------------------------------------------------------------------------------------
# Categories, duplicates, dates, outliers

def _key(values: pd.Series) -> pd.Series:
    """Strip, lower-case and collapse inner runs of spaces."""
    return values.astype("str").str.strip().str.lower().str.replace(r"\s+", " ", regex=True)


def normalize_categories(values: pd.Series, aliases: Mapping[str, str]) -> pd.Series:
    """Map every spelling of a category onto one canonical name.

    Each value is stripped, lower-cased and has its inner runs of spaces collapsed, then
    looked up in ``aliases``, whose keys are written that way already (``"new york"``).
    Missing values and missing-value tokens (``""``, ``"?"``, ``"NA"``, ...) stay missing.

    Returns
    -------
    pandas.Series
        dtype ``category`` with the categories ``sorted(set(aliases.values()))``; the same
        index and name as ``values``.

    Raises
    ------
    ValueError
        If a value is not a known spelling (the message lists the unknown spellings).

    Examples
    --------
    >>> normalize_categories(pd.Series(["NY", " new york"]), {"ny": "New York",
    ...                                                       "new york": "New York"}).tolist()
    ['New York', 'New York']
    """
    values = _series(values)
    missing = values.isna() | _is_token(values, MISSING_TOKENS)
    keys = _key(values).where(~missing)
    unknown = ~missing & ~keys.isin(list(aliases))
    if unknown.any():
        raise ValueError(f"unknown spelling(s) {sorted(set(values[unknown]))}: add them to "
                         "aliases")
    canonical = keys.map(dict(aliases))
    categories = sorted(set(aliases.values()))
    return pd.Series(pd.Categorical(canonical, categories=categories), index=values.index,
                     name=values.name)


def deduplicate(df: pd.DataFrame, key: str) -> pd.DataFrame:
    """Keep one row per ``key``: the most complete copy.

    Among the rows sharing a key, keep the one with the fewest missing cells (``NaN``,
    ``None``, ``NaT``), the first of them on a tie. The kept rows stay in their original
    order with their original index labels.

    Raises
    ------
    ValueError
        If ``key`` is not a column or has missing values.
    """
    df = _frame(df)
    _columns(df, [key], "key")
    if df[key].isna().any():
        raise ValueError(f"key column {key!r} has missing values")
    n_missing = df.isna().sum(axis=1).to_numpy()
    position = np.arange(len(df))
    order = np.lexsort((position, n_missing))  # fewest missing first, then earliest
    repeated = df[key].iloc[order].duplicated(keep="first").to_numpy()
    kept = np.sort(order[~repeated])
    return df.iloc[kept]


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse dates written ``YYYY-MM-DD`` (ISO) or ``MM/DD/YYYY`` (US) into datetimes.

    Spaces around a date are ignored. Anything else (blank, missing, garbage, an impossible
    date such as ``2021-02-30``, a day-first ``31/01/2021``) becomes ``NaT``.

    Returns
    -------
    pandas.Series
        A datetime64 dtype; the same index and name as ``values``.
    """
    values = _series(values)
    text = values.astype("str").str.strip()
    iso = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    us = pd.to_datetime(text, format="%m/%d/%Y", errors="coerce")
    return iso.fillna(us).rename(values.name)


def clip_outliers(values: pd.Series, k: float = 1.5) -> tuple[pd.Series, pd.Series]:
    r"""Clip values beyond Tukey's fences, and flag them.

    With the quartiles :math:`Q_1, Q_3` (linear interpolation, missing values ignored) and
    :math:`\mathrm{IQR} = Q_3 - Q_1`, the fences are :math:`Q_1 - k\,\mathrm{IQR}` and
    :math:`Q_3 + k\,\mathrm{IQR}`.

    Returns
    -------
    (pandas.Series, pandas.Series)
        The values clipped into the fences (float64, ``NaN`` kept), and a bool Series, True
        where a value was outside them. Both keep ``values``' index and name.

    Raises
    ------
    ValueError
        If ``k`` is negative, the values are not numeric, or none is observed.
    """
    values = _series(values)
    if k < 0:
        raise ValueError(f"k must be non-negative, got {k}")
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        raise ValueError(f"values must be numeric, got dtype {values.dtype}")
    if values.notna().sum() == 0:
        raise ValueError("values has no observed value")
    x = values.astype("float64")
    q1, q3 = x.quantile(0.25), x.quantile(0.75)
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    return x.clip(low, high), (x < low) | (x > high)


# --------------------------------------------------------------------------------------------
# Aggregating, joining, reshaping, encoding

def summarize_orders(orders: pd.DataFrame) -> pd.DataFrame:
    """One row per customer: how many orders, how much in total and on average, and when last.

    Parameters
    ----------
    orders : pandas.DataFrame
        Columns ``customer_id``, ``order_date`` (datetime64) and ``amount`` (numbers).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted), with ``n_orders`` (int64), ``total_amount`` and
        ``mean_amount`` (float64) and ``last_order`` (the latest ``order_date``).

    Raises
    ------
    ValueError
        If a column is missing or ``order_date`` is not a datetime.
    """
    orders = _frame(orders, "orders")
    _columns(orders, ["customer_id", "order_date", "amount"], "orders")
    if not pd.api.types.is_datetime64_any_dtype(orders["order_date"]):
        raise ValueError(f"order_date must be parsed into datetimes first (it has dtype "
                         f"{orders['order_date'].dtype})")
    summary = orders.groupby("customer_id", sort=True).agg(
        n_orders=("amount", "size"), total_amount=("amount", "sum"),
        mean_amount=("amount", "mean"), last_order=("order_date", "max"))
    return summary.astype({"n_orders": "int64", "total_amount": "float64",
                           "mean_amount": "float64"})


def merge_orders(customers: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """Attach each customer's order summary (a left join on ``customer_id``).

    Every customer is kept, in order, with ``customers``' index; orders of unknown customers
    are dropped. A customer without orders has ``n_orders = 0`` (int64) and
    ``total_amount = 0.0`` (no orders *is* zero), while ``mean_amount`` stays ``NaN`` and
    ``last_order`` ``NaT`` (there is no such thing to report).

    Parameters
    ----------
    customers : pandas.DataFrame
        Has a ``customer_id`` column.
    summary : pandas.DataFrame
        What :func:`summarize_orders` returns: indexed by unique customer ids.

    Raises
    ------
    ValueError
        If ``customers`` has no ``customer_id``, the summary's index repeats an id (the join
        would duplicate customers), or a summary column already exists in ``customers``.
    """
    customers = _frame(customers, "customers")
    summary = _frame(summary, "summary")
    _columns(customers, ["customer_id"], "customers")
    if summary.index.has_duplicates:
        raise ValueError("summary's index repeats a customer id: the join would duplicate rows")
    clash = summary.columns.intersection(customers.columns)
    if len(clash):
        raise ValueError(f"column(s) {list(clash)} are in both tables")
    merged = customers.join(summary, on="customer_id", how="left", validate="many_to_one")
    merged = merged.fillna(dict.fromkeys(merged.columns.intersection(["n_orders",
                                                                      "total_amount"]), 0))
    if "n_orders" in merged.columns:
        merged["n_orders"] = merged["n_orders"].astype("int64")
    return merged


def churn_table(df: pd.DataFrame, index: str, columns: str,
                target: str = "churned") -> pd.DataFrame:
    """The mean of ``target`` (a churn rate) for every pair of ``index`` and ``columns`` values.

    Returns
    -------
    pandas.DataFrame
        Rows: the values of ``index`` (sorted, index name ``index``); columns: the values of
        ``columns`` (sorted, columns name ``columns``); cells: the mean of ``target`` (float64)
        over the rows with that pair, ``NaN`` for a pair that never occurs. Rows with a
        missing ``index`` or ``columns`` value are left out.

    Raises
    ------
    ValueError
        If a column is missing or ``target`` is neither bool nor numeric.
    """
    df = _frame(df)
    _columns(df, [index, columns, target], "churn_table")
    if not pd.api.types.is_numeric_dtype(df[target]):
        raise ValueError(f"target {target!r} must be bool or numeric, got {df[target].dtype}")
    table = df.astype({target: "float64"}).pivot_table(
        index=index, columns=columns, values=target, aggfunc="mean", observed=True)
    return table.astype("float64")


def to_model_ready(df: pd.DataFrame, numeric: Sequence[str], categorical: Sequence[str],
                   target: str) -> tuple[pd.DataFrame, pd.Series]:
    r"""Encode a clean table as a numeric feature matrix ``X`` and a target vector ``y``.

    * numeric columns are standardised: :math:`z = (x - \bar x) / s` with the population
      standard deviation :math:`s` (ddof 0, as scikit-learn's ``StandardScaler``); a constant
      column becomes all zeros.
    * categorical columns are one-hot encoded: one float column ``<column>_<value>`` per value
      that occurs, values sorted as strings.

    Returns
    -------
    (pandas.DataFrame, pandas.Series)
        ``X``: float64, the numeric columns in the given order, then each categorical
        column's one-hot columns; ``df``'s index. ``y``: ``df[target]`` as int64.

    Raises
    ------
    ValueError
        If a column is missing, any used value is missing (impute first), a numeric column is
        not numeric, or the target is neither bool nor integer.
    """
    df = _frame(df)
    numeric = _columns(df, numeric, "numeric")
    categorical = _columns(df, categorical, "categorical")
    _columns(df, [target], "target")
    used = df[numeric + categorical + [target]]
    if used.isna().any().any():
        bad = list(used.columns[used.isna().any()])
        raise ValueError(f"missing values in {bad}: impute them first")
    y = df[target]
    if not (pd.api.types.is_bool_dtype(y) or pd.api.types.is_integer_dtype(y)):
        raise ValueError(f"target {target!r} must be bool or integer, got {y.dtype}")
    parts = []
    if numeric:
        num = df[numeric]
        if not all(pd.api.types.is_numeric_dtype(num[c]) for c in numeric):
            raise ValueError("numeric columns must hold numbers: fix their types first")
        num = num.astype("float64")
        std = num.std(ddof=0).replace(0.0, 1.0)
        parts.append((num - num.mean()) / std)
    for col in categorical:
        parts.append(pd.get_dummies(df[col].astype("str"), prefix=col, prefix_sep="_",
                                    dtype="float64"))
    X = pd.concat(parts, axis=1) if parts else pd.DataFrame(index=df.index)
    return X, y.astype("int64").rename(target)


# --------------------------------------------------------------------------------------------
# The whole pipeline

def clean_customers(raw: pd.DataFrame, raw_orders: pd.DataFrame) -> pd.DataFrame:
    """Raw customer and order tables in, one clean row per customer out (every step above).

    Adds ``tenure_days`` (days from sign-up to the export date) and the order summary; drops
    ``name`` and ``signup_date``. No missing values remain in the columns a model uses.
    """
    df = fix_types(raw, numeric=["age", "income"], boolean=["churned"], bounds={"age": (0, 120)})
    df["city"] = normalize_categories(df["city"], CITY_ALIASES)
    df["plan"] = normalize_categories(df["plan"], PLAN_ALIASES)
    df["signup_date"] = parse_dates(df["signup_date"])
    df = deduplicate(df, "customer_id").reset_index(drop=True)
    df["income"], df["income_outlier"] = clip_outliers(df["income"])
    df["tenure_days"] = (EXPORT_DATE - df["signup_date"]).dt.days.astype("float64")
    df, _ = impute(df, numeric=["age", "income", "tenure_days"], categorical=["city", "plan"])
    ords = raw_orders.assign(order_date=parse_dates(raw_orders["order_date"]))
    df = merge_orders(df, summarize_orders(ords))
    return df.drop(columns=["name", "signup_date"])


FEATURES_NUMERIC = ["age", "income", "tenure_days", "n_orders", "total_amount"]
FEATURES_CATEGORICAL = ["city", "plan"]


def churn_dataset(n: int = 500, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """The messy data set, cleaned and encoded: ``X`` (float64 features) and ``y`` (0/1 churn).

    ``X`` has the standardised ``age, income, tenure_days, n_orders, total_amount`` and
    one-hot ``city_*`` and ``plan_*`` columns; one row per distinct customer. Ready for the
    classifiers of phase 3.

    Examples
    --------
    >>> X, y = churn_dataset(200)
    >>> X.isna().any().any(), sorted(y.unique().tolist())
    (np.False_, [0, 1])
    """
    clean = clean_customers(messy_customers(n, seed), orders(seed, n))
    return to_model_ready(clean, FEATURES_NUMERIC, FEATURES_CATEGORICAL, "churned")
