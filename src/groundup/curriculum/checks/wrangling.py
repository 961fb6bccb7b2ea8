"""Checks for the pandas data-wrangling exercises (``pd.*``).

The expected frames are built here *independently* of ``groundup.wrangling``: mostly cell by
cell in plain Python (a loop where the exercise asks for a vectorised idiom), or with another
library (``numpy.nanpercentile``, ``scipy.stats.skew``, scikit-learn's ``StandardScaler`` and
``OneHotEncoder``). Inputs are small hand-made tables, seeded random ones, and the project's
own messy data set (:mod:`groundup.datasets`). They are compared with
:func:`~groundup.grading.spec.compare_frames`, which says which column, row or dtype differs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from groundup import datasets
from groundup.grading.spec import Case, Check, compare_frames, raises, satisfies

TOKENS = ("", "?", "na", "n/a", "unknown")


# --------------------------------------------------------------------------------------------
# Helpers

def _show(df: pd.DataFrame | pd.Series, **kwargs: Any) -> str:
    """A Case label that prints a small input in full."""
    text = df.to_string() if isinstance(df, pd.DataFrame) else df.to_frame().to_string()
    extra = "".join(f", {k} = {v!r}" for k, v in kwargs.items())
    return f"{'df' if isinstance(df, pd.DataFrame) else 'values'} =\n{text}{extra}"


def _is_missing(v: Any, tokens: Sequence[str] = TOKENS) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, np.datetime64) and np.isnat(v):
        return True
    return isinstance(v, str) and v.strip().lower() in {t.strip().lower() for t in tokens}


def _ns(value: Any) -> Any:
    """Datetime columns (any unit) as datetime64[ns], so that the unit is not judged."""
    if isinstance(value, pd.Series) and value.dtype.kind == "M":
        return value.astype("datetime64[ns]")
    if isinstance(value, pd.DataFrame):
        return value.astype({c: "datetime64[ns]" for c in value.columns
                             if value[c].dtype.kind == "M"})
    return value


def same_frames(reference: Callable[..., Any], *, hidden: bool = False,
                rtol: float = 1e-7, atol: float = 1e-9) -> Any:
    """Like ``frame_equal``, but datetime columns may use any unit (ns, us, ...)."""

    def predicate(case: Case, value: Any) -> str | None:
        expected = reference(*case.args, **case.kwargs)
        pairs = [(expected, value, "result")]
        if isinstance(expected, tuple):
            if not isinstance(value, (tuple, list)) or len(value) != len(expected):
                return (f"expected a tuple of {len(expected)} pandas objects, but your code "
                        f"returned {type(value).__name__}")
            pairs = [(e, r, f"result's item {i}")
                     for i, (e, r) in enumerate(zip(expected, value, strict=True))]
        for exp, rec, what in pairs:
            if isinstance(exp, (pd.Series, pd.DataFrame)) and isinstance(rec, type(exp)):
                for e_col, r_col in _datetime_pairs(exp, rec):
                    if e_col.dtype.kind == "M" and r_col.dtype.kind != "M":
                        return (f"{what}: {_col_name(e_col)} should hold datetimes (datetime64),"
                                f" but it has dtype {r_col.dtype}")
                exp, rec = _ns(exp), _ns(rec)
            msg = compare_frames(exp, rec, hidden=hidden, rtol=rtol, atol=atol, what=what)
            if msg:
                return msg
        return None

    return satisfies(predicate)


def _datetime_pairs(exp: Any, rec: Any) -> list[tuple[pd.Series, pd.Series]]:
    if isinstance(exp, pd.Series):
        return [(exp, rec)]
    return [(exp[c], rec[c]) for c in exp.columns if c in rec.columns]


def _col_name(s: pd.Series) -> str:
    return f"column {s.name!r}" if s.name is not None else "the values"


def _raw(n: int, seed: int) -> pd.DataFrame:
    return datasets.messy_customers(n, seed)


def _blank_to_nan(df: pd.DataFrame) -> pd.DataFrame:
    """The raw table with its missing-value strings made NaN (as fix_types would)."""
    return df.mask(df.isin(["", "?", "NA", "unknown"]))


# --------------------------------------------------------------------------------------------
# pd.missing_report

def _expected_report(df: pd.DataFrame, tokens: Sequence[str] = TOKENS) -> pd.DataFrame:
    counts = [sum(_is_missing(v, tokens) for v in df[c].tolist()) for c in df.columns]
    return pd.DataFrame({"n_missing": np.array(counts, dtype="int64"),
                         "fraction": np.array(counts, dtype=float) / len(df)},
                        index=pd.Index(list(df.columns), name="column"))


def missing_report() -> list[Check]:
    small = pd.DataFrame({
        "age": ["34", "?", "", None, "NA", "51"],
        "city": ["NY", " na ", "Boston", "  ", "LA", "N/A"],
        "income": [52000.0, np.nan, 61000.0, 48000.0, np.nan, 75000.0],
    })
    mixed = pd.DataFrame({
        "mixed": pd.Series([1, "two", None, 3.5, "?", "Unknown"], dtype=object),
        "signup": pd.to_datetime(["2021-01-05", None, "2022-03-01", None, "2020-12-31",
                                  "2021-07-07"]),
        "count": np.arange(6, dtype="int64"),
    }, index=list("abcdef"))
    rng = np.random.default_rng(5)
    custom = pd.DataFrame({"x": rng.choice(["1", "-", "missing", "7", "NA"], size=20)})
    return [
        Check("every form of missing", [Case(small, label=_show(small))],
              expect=same_frames(_expected_report),
              hint="NaN/None count, and so do strings that, stripped and lower-cased, are '', "
                   "'?', 'na', 'n/a' or 'unknown': combine df.isna() with a test on the text."),
        Check("numbers, dates and mixed types", [Case(mixed, label=_show(mixed))],
              expect=same_frames(_expected_report),
              hint="Only string cells can be tokens; a number or a date is never '?'. NaT is "
                   "missing too. Index the result by the column names, named 'column'."),
        Check("your own tokens", [Case(custom, tokens=("-", "missing"),
                                       label=_show(custom, tokens=("-", "missing")))],
              expect=same_frames(_expected_report),
              hint="Use the `tokens` argument instead of the default list ('NA' is not "
                   "missing here)."),
        Check("the project's messy customers", [Case(_raw(150, 3), label="messy_customers(150, 3)")],
              expect=same_frames(_expected_report, hidden=True), hidden=True,
              hint="Count all the forms in every column; fraction = n_missing / number of rows."),
        Check("no rows", [Case(pd.DataFrame({"a": pd.Series([], dtype="str")}),
                               label="an empty DataFrame")],
              expect=raises(ValueError),
              hint="With no rows the fraction is 0/0: raise ValueError."),
    ]


# --------------------------------------------------------------------------------------------
# pd.fix_types

_TRUE, _FALSE = {"yes", "y", "true", "1"}, {"no", "n", "false", "0"}


def _number(v: Any) -> float:
    if _is_missing(v, ()):
        return math.nan
    if isinstance(v, (int, float, np.integer, np.floating)):
        return float(v)
    text = "".join(str(v).split()).replace(",", "").replace("$", "")
    try:
        return float(text)
    except ValueError:
        return math.nan


def _expected_fix(df: pd.DataFrame, numeric: Sequence[str], boolean: Sequence[str] = (),
                  bounds: dict[str, tuple[float, float]] | None = None) -> pd.DataFrame:
    columns = {}
    for col in df.columns:
        if col in numeric:
            low, high = (bounds or {}).get(col, (-math.inf, math.inf))
            numbers = [_number(v) for v in df[col].tolist()]
            columns[col] = pd.Series([x if low <= x <= high else math.nan for x in numbers],
                                     index=df.index, dtype="float64")
        elif col in boolean:
            columns[col] = pd.Series([str(v).strip().lower() in _TRUE for v in df[col].tolist()],
                                     index=df.index, dtype=bool)
        else:
            columns[col] = df[col]
    return pd.DataFrame(columns, index=df.index)


def fix_types() -> list[Check]:
    small = pd.DataFrame({
        "name": ["Ada", "Alan", "Grace", "Linus", "Joy"],
        "age": ["34", " 41 ", "?", "", "999"],
        "income": ["52000", "52,000", "$61,500", "unknown", None],
        "churned": ["yes", "No", " YES", "n", "no"],
    }, index=[10, 11, 12, 13, 14])
    numbers = pd.DataFrame({"visits": np.array([3, 0, 7], dtype="int64"),
                            "spend": ["1,234.5", "-", "7e2"]})
    bounds = {"age": (0.0, 120.0)}
    return [
        Check("text to numbers", [Case(small, numeric=["age", "income"],
                                       label=_show(small, numeric=["age", "income"]))],
              expect=same_frames(_expected_fix),
              hint="Strip spaces, remove ',' and '$' (`.str.replace(r'[,$]', '', regex=True)`), "
                   "then `pd.to_numeric(..., errors='coerce')` and `.astype('float64')`."),
        Check("impossible values and booleans",
              [Case(small, numeric=["age", "income"], boolean=["churned"], bounds=bounds,
                    label=_show(small, numeric=["age", "income"], boolean=["churned"],
                                bounds=bounds))],
              expect=same_frames(_expected_fix),
              hint="Values outside bounds become NaN (`.where(s.between(low, high))`); yes/y/"
                   "true/1 and no/n/false/0 (any case, stripped) become True/False."),
        Check("a column that is already numeric",
              [Case(numbers, numeric=["visits", "spend"],
                    label=_show(numbers, numeric=["visits", "spend"]))],
              expect=same_frames(_expected_fix),
              hint="An int64 column becomes float64 too; '7e2' is a number (700)."),
        Check("the project's messy customers",
              [Case(_raw(200, 4), numeric=["age", "income"], boolean=["churned"],
                    bounds=bounds, label="messy_customers(200, 4), with age bounds (0, 120)")],
              expect=same_frames(_expected_fix, hidden=True), hidden=True,
              hint="Every numeric cell goes through the same cleaning; other columns are left "
                   "exactly as they were (same dtype)."),
        Check("invalid arguments",
              [Case(small, numeric=["height"], label="numeric=['height'] (no such column)"),
               Case(small, numeric=["age"], boolean=["name"],
                    label="boolean=['name'] (names are not yes/no)"),
               Case(small, numeric=["age"], bounds={"income": (0, 1)},
                    label="bounds on 'income', which is not in numeric")],
              expect=raises(ValueError),
              hint="Raise ValueError for an unknown column, a boolean column with another "
                   "word, or bounds on a column that is not numeric."),
    ]


# --------------------------------------------------------------------------------------------
# pd.normalize_categories

def _expected_categories(values: pd.Series, aliases: dict[str, str]) -> pd.Series:
    out = [None if _is_missing(v) else aliases[" ".join(str(v).split()).lower()]
           for v in values.tolist()]
    dtype = pd.CategoricalDtype(sorted(set(aliases.values())))
    return pd.Series(out, index=values.index, name=values.name, dtype=dtype)


def normalize_categories() -> list[Check]:
    aliases = {"ny": "New York", "new york": "New York", "nyc": "New York",
               "la": "Los Angeles", "los angeles": "Los Angeles", "boston": "Boston"}
    small = pd.Series(["NY", "new york", " New  York ", "LA", "los angeles", "Boston", None, ""],
                      name="city")
    raw = _raw(300, 6)
    plans = pd.Series(["basic", "Basic", "PREMIUM", "standard ", "premium"], name="plan",
                      index=pd.Index([7, 3, 9, 1, 5], name="row"))
    return [
        Check("city spellings", [Case(small, aliases, label=_show(small) + f"\naliases = {aliases}")],
              expect=same_frames(_expected_categories),
              hint="Normalise the text first (`.str.strip().str.lower()`, and collapse inner "
                   "spaces), then `.map(aliases)`; missing stays missing."),
        Check("category dtype, index and name kept",
              [Case(plans, datasets.PLAN_ALIASES,
                    label=_show(plans) + f"\naliases = {datasets.PLAN_ALIASES}")],
              expect=same_frames(_expected_categories),
              hint="Return `pd.Series(pd.Categorical(mapped, categories=sorted(set("
                   "aliases.values()))), index=values.index, name=values.name)`."),
        Check("the project's cities", [Case(raw["city"], datasets.CITY_ALIASES,
                                            label="messy_customers(300, 6)['city']")],
              expect=same_frames(_expected_categories, hidden=True), hidden=True,
              hint="Blank strings ('' or spaces) and the missing tokens are missing values, "
                   "not a city."),
        Check("an unknown spelling", [Case(pd.Series(["NY", "Bostn"]), aliases,
                                           label="values = ['NY', 'Bostn']")],
              expect=raises(ValueError),
              hint="A spelling that is not in aliases is a bug in the data or the table: "
                   "raise ValueError and name it, rather than hiding it as NaN."),
    ]


# --------------------------------------------------------------------------------------------
# pd.deduplicate

def _expected_dedup(df: pd.DataFrame, key: str) -> pd.DataFrame:
    best: dict[Any, tuple[int, int]] = {}  # key -> (missing cells, position)
    for pos, row in enumerate(df.itertuples(index=False)):
        k = row[list(df.columns).index(key)]
        n_missing = sum(_is_missing(v, ()) for v in row)
        if k not in best or n_missing < best[k][0]:
            best[k] = (n_missing, pos)
    return df.iloc[sorted(pos for _, pos in best.values())]


def deduplicate() -> list[Check]:
    small = pd.DataFrame({
        "customer_id": ["C1", "C2", "C1", "C3", "C2", "C3"],
        "age": [34.0, np.nan, 34.0, 51.0, 28.0, 51.0],
        "city": ["New York", "Boston", None, "Chicago", "Boston", "Chicago"],
    }, index=["r0", "r1", "r2", "r3", "r4", "r5"])
    ties = pd.DataFrame({"id": [3, 1, 3, 2, 1, 3], "v": [np.nan, 1.0, 2.0, np.nan, 5.0, 6.0]},
                        index=[50, 40, 30, 20, 10, 0])
    raw = _blank_to_nan(_raw(250, 8))
    return [
        Check("keep the most complete copy", [Case(small, "customer_id", label=_show(small))],
              expect=same_frames(_expected_dedup),
              hint="For C2, row r1 lacks the age but r4 has everything: count the missing cells "
                   "of each row (`df.isna().sum(axis=1)`) and keep the row with the fewest."),
        Check("ties keep the first, order and labels kept",
              [Case(ties, "id", label=_show(ties) + ", key = 'id'")],
              expect=same_frames(_expected_dedup),
              hint="A stable sort by the missing count keeps the first copy on a tie; put the "
                   "kept rows back in their original order, with their own index labels."),
        Check("the project's customers", [Case(raw, "customer_id",
                                               label="messy_customers(250, 8), blanks as NaN")],
              expect=same_frames(_expected_dedup, hidden=True), hidden=True,
              hint="One row per customer id; the duplicates sometimes differ in one blank."),
        Check("invalid key", [Case(small, "email", label="key = 'email' (no such column)"),
                              Case(pd.DataFrame({"id": [1.0, np.nan]}), "id",
                                   label="a key with a missing value")],
              expect=raises(ValueError),
              hint="Raise ValueError when the key is not a column or has missing values."),
    ]


# --------------------------------------------------------------------------------------------
# pd.parse_dates

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_US = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


def _one_date(v: Any) -> Any:
    if _is_missing(v, ()):
        return pd.NaT
    text = str(v).strip()
    for pattern, order in ((_ISO, (0, 1, 2)), (_US, (2, 0, 1))):
        m = pattern.match(text)
        if m:
            y, mo, d = (int(m.group(i + 1)) for i in order)
            try:
                return pd.Timestamp(date(y, mo, d))
            except ValueError:
                return pd.NaT
    return pd.NaT


def _expected_dates(values: pd.Series) -> pd.Series:
    return pd.Series([_one_date(v) for v in values.tolist()], index=values.index,
                     name=values.name, dtype="datetime64[ns]")


def parse_dates() -> list[Check]:
    small = pd.Series(["2021-03-15", "03/15/2021", " 2020-01-31 ", "", None, "garbage"],
                      name="signup_date")
    traps = pd.Series(["2021-02-30", "31/01/2021", "12/31/2019", "2019-12-31", "2024-02-29",
                       "02/29/2023"], index=pd.Index(list("uvwxyz"), name="row"), name="d")
    raw = _raw(300, 9)
    return [
        Check("ISO and US dates", [Case(small, label=_show(small))],
              expect=same_frames(_expected_dates),
              hint="Parse twice with explicit formats, `pd.to_datetime(text, format='%Y-%m-%d', "
                   "errors='coerce')` and '%m/%d/%Y', then fill the gaps of one with the other."),
        Check("impossible and day-first dates", [Case(traps, label=_show(traps))],
              expect=same_frames(_expected_dates),
              hint="2021-02-30 does not exist, and 31/01/2021 is day-first (month 31): both "
                   "are NaT. A guessing parser (format='mixed') would accept the second."),
        Check("the project's sign-up dates", [Case(raw["signup_date"],
                                                   label="messy_customers(300, 9)['signup_date']")],
              expect=same_frames(_expected_dates, hidden=True), hidden=True,
              hint="Strip the text first; keep the index and the name."),
    ]


# --------------------------------------------------------------------------------------------
# pd.impute

def _mode(values: list[Any]) -> Any:
    counts = Counter(values)
    top = max(counts.values())
    return sorted(v for v, c in counts.items() if c == top)[0]


def _expected_impute(df: pd.DataFrame, numeric: Sequence[str],
                     categorical: Sequence[str]) -> tuple[pd.DataFrame, dict[str, str]]:
    out = df.copy()
    strategy = {}
    for col in numeric:
        x = df[col].to_numpy(dtype=float)
        seen = x[~np.isnan(x)]
        skew = stats.skew(seen, bias=False) if seen.size >= 3 else math.nan
        use_mean = abs(skew) <= 1
        strategy[col] = "mean" if use_mean else "median"
        fill = float(np.mean(seen)) if use_mean else float(np.median(seen))
        out[col] = pd.Series(np.where(np.isnan(x), fill, x), index=df.index,
                             dtype=df[col].dtype)
    for col in categorical:
        seen = [v for v in df[col].tolist() if not _is_missing(v, ())]
        strategy[col] = "mode"
        out[col] = df[col].fillna(_mode(seen))
    return out, strategy


def _check_impute(hidden: bool) -> Any:
    def predicate(case: Case, value: Any) -> str | None:
        expected, strategy = _expected_impute(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return ("return a tuple (filled DataFrame, reasons dict), but your code returned "
                    f"{type(value).__name__}")
        frame, reasons = value
        msg = compare_frames(expected, frame, hidden=hidden, what="filled DataFrame")
        if msg:
            return msg
        if not isinstance(reasons, dict):
            return f"the reasons should be a dict {{column: reason}}, not {type(reasons).__name__}"
        if set(reasons) != set(strategy):
            return (f"the reasons should have one entry per imputed column {sorted(strategy)}, "
                    f"got {sorted(reasons)}")
        for col, word in strategy.items():
            reason = reasons[col]
            if not isinstance(reason, str) or not reason.strip().lower().startswith(word):
                return (f"the reason for {col!r} should start with {word!r} (the strategy "
                        f"used), got {reason!r}")
        return None

    return satisfies(predicate)


def impute() -> list[Check]:
    small = pd.DataFrame({
        "age": [30.0, np.nan, 41.0, 35.0, 45.0, np.nan, 22.0],  # symmetric: the mean
        "income": [40e3, 42e3, np.nan, 45e3, 41e3, 2e6, 43e3],  # one huge value: the median
        "city": ["LA", "Boston", None, "Boston", "LA", np.nan, "NY"],  # tie: the smaller
    })
    rng = np.random.default_rng(12)
    n = 80
    big = pd.DataFrame({
        "height": rng.normal(170, 10, n),
        "spend": np.exp(rng.normal(3, 1.2, n)),
        "plan": pd.Categorical(rng.choice(["basic", "standard", "premium"], n,
                                          p=[0.5, 0.3, 0.2])),
        "visits": rng.integers(0, 9, n),
    })
    for col, frac in (("height", 0.1), ("spend", 0.15), ("plan", 0.1)):
        big.loc[rng.random(n) < frac, col] = np.nan
    numeric, categorical = ["age", "income"], ["city"]
    return [
        Check("mean, median or mode, and why",
              [Case(small, numeric, categorical,
                    label=_show(small) + f"\nnumeric = {numeric}, categorical = {categorical}")],
              expect=_check_impute(False),
              hint="`skew = df[col].skew()`; the mean when abs(skew) <= 1, else the median; "
                   "for categories `df[col].mode().iloc[0]` (the smallest on a tie). Reasons "
                   "start with 'mean', 'median' or 'mode'."),
        Check("seeded data: skewed spend, category dtype, a column with nothing missing",
              [Case(big, ["height", "spend", "visits"], ["plan"],
                    label="80 rows: normal height, log-normal spend, int visits, "
                          "categorical plan")],
              expect=_check_impute(True), hidden=True,
              hint="A long-tailed column gets the median; a column with nothing missing is "
                   "unchanged (its dtype too) but still gets a reason."),
        Check("invalid input",
              [Case(small.assign(age=np.nan), numeric, categorical,
                    label="the 'age' column entirely missing"),
               Case(small.assign(age=small["age"].astype("str")), numeric, categorical,
                    label="'age' still text (dtype str)"),
               Case(small, ["weight"], [], label="numeric = ['weight'] (no such column)")],
              expect=raises(ValueError),
              hint="Nothing to impute from, a numeric column that is not numeric, or an "
                   "unknown column: raise ValueError."),
    ]


# --------------------------------------------------------------------------------------------
# pd.clip_outliers

def _expected_clip(values: pd.Series, k: float = 1.5) -> tuple[pd.Series, pd.Series]:
    x = values.to_numpy(dtype=float)
    q1, q3 = np.nanpercentile(x, [25, 75])
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    with np.errstate(invalid="ignore"):
        outside = (x < low) | (x > high)
    return (pd.Series(np.clip(x, low, high), index=values.index, name=values.name),
            pd.Series(outside, index=values.index, name=values.name))


def clip_outliers() -> list[Check]:
    small = pd.Series([1.0, 2.0, 3.0, 4.0, 100.0, -50.0], name="x")
    with_nan = pd.Series([10, np.nan, 12, 11, 13, 90, np.nan, 9], name="income",
                         index=pd.Index(list("abcdefgh"), name="id"))
    ints = pd.Series(np.array([5, 7, 6, 8, 40], dtype="int64"), name="visits")
    rng = np.random.default_rng(21)
    skewed = pd.Series(np.exp(rng.normal(10.8, 0.5, 300)), name="income")
    skewed[rng.random(300) < 0.05] = np.nan
    return [
        Check("Tukey's fences", [Case(small, label=_show(small))],
              expect=same_frames(_expected_clip),
              hint="q1, q3 = values.quantile(0.25), values.quantile(0.75); fences q1 - k*IQR "
                   "and q3 + k*IQR; `.clip(low, high)` and `(x < low) | (x > high)`."),
        Check("missing values stay missing, index and name kept",
              [Case(with_nan, label=_show(with_nan))],
              expect=same_frames(_expected_clip),
              hint="Quantiles ignore NaN; a NaN is never an outlier (False) and stays NaN."),
        Check("another k, integer input", [Case(ints, k=3.0, label=_show(ints, k=3.0)),
                                           Case(small, k=0.0, label=_show(small, k=0.0))],
              expect=same_frames(_expected_clip),
              hint="Use the k you are given; the clipped values are float64 even for ints."),
        Check("log-normal incomes", [Case(skewed, label="300 log-normal incomes, 5 % NaN"),
                                     Case(skewed, k=2.5, label="the same, k = 2.5")],
              expect=same_frames(_expected_clip, hidden=True), hidden=True,
              hint="Quartiles with linear interpolation (pandas' default)."),
        Check("invalid input", [Case(small, k=-1.0, label="k = -1"),
                                Case(pd.Series(["1", "2"]), label="values of dtype str"),
                                Case(pd.Series([np.nan, np.nan]), label="all values missing")],
              expect=raises(ValueError),
              hint="Raise ValueError for a negative k, non-numeric values or no observed value."),
    ]


# --------------------------------------------------------------------------------------------
# pd.groupby_agg

def _expected_summary(orders: pd.DataFrame) -> pd.DataFrame:
    rows: dict[str, list[Any]] = {}
    for cid, when, amount in zip(orders["customer_id"].tolist(), orders["order_date"].tolist(),
                                 orders["amount"].tolist(), strict=True):
        rows.setdefault(cid, []).append((when, amount))
    ids = sorted(rows)
    amounts = [[a for _, a in rows[c] if not math.isnan(a)] for c in ids]
    return pd.DataFrame({
        "n_orders": np.array([len(rows[c]) for c in ids], dtype="int64"),
        "total_amount": np.array([sum(a) for a in amounts], dtype=float),
        "mean_amount": np.array([sum(a) / len(a) if a else math.nan for a in amounts]),
        "last_order": pd.Series([max(w for w, _ in rows[c]) for c in ids],
                                dtype="datetime64[ns]").to_numpy(),
    }, index=pd.Index(ids, name="customer_id"))


def _parsed_orders(seed: int, n_customers: int) -> pd.DataFrame:
    raw = datasets.orders(seed, n_customers)
    return raw.assign(order_date=pd.to_datetime(raw["order_date"], format="%Y-%m-%d"))


def groupby_agg() -> list[Check]:
    small = pd.DataFrame({
        "order_id": ["O1", "O2", "O3", "O4", "O5", "O6"],
        "customer_id": ["C2", "C1", "C2", "C3", "C1", "C2"],
        "order_date": pd.to_datetime(["2024-05-01", "2024-01-10", "2023-12-24", "2024-02-02",
                                      "2024-03-03", "2024-04-04"]),
        "amount": [20.0, 35.5, 12.25, 80.0, np.nan, 7.75],
    })
    real = _parsed_orders(1, 80).sample(frac=1.0, random_state=3)  # not sorted by date
    return [
        Check("per-customer summary", [Case(small, label=_show(small))],
              expect=same_frames(_expected_summary),
              hint="`orders.groupby('customer_id').agg(n_orders=('amount', 'size'), "
                   "total_amount=('amount', 'sum'), ...)`: named aggregation."),
        Check("the project's orders, shuffled", [Case(real, label="orders(1, 80), shuffled")],
              expect=same_frames(_expected_summary, hidden=True), hidden=True,
              hint="The last order is the latest date ('max'), not the last row: the rows "
                   "are not in date order. n_orders counts rows ('size', not 'count')."),
        Check("invalid input",
              [Case(small.drop(columns="amount"), label="no 'amount' column"),
               Case(small.assign(order_date=small["order_date"].dt.strftime("%Y-%m-%d")),
                    label="order_date still text")],
              expect=raises(ValueError),
              hint="Raise ValueError when a column is missing or order_date is not datetime64."),
    ]


# --------------------------------------------------------------------------------------------
# pd.merge_orders

def _expected_merge(customers: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    out = customers.copy()
    for col in summary.columns:
        out[col] = customers["customer_id"].map(summary[col])
    if "n_orders" in out:
        out["n_orders"] = out["n_orders"].fillna(0).astype("int64")
    if "total_amount" in out:
        out["total_amount"] = out["total_amount"].fillna(0.0)
    return out


def merge_orders() -> list[Check]:
    customers = pd.DataFrame({"customer_id": ["C3", "C1", "C4", "C2"],
                              "city": ["Boston", "LA", "NY", "LA"]},
                             index=pd.Index([103, 101, 104, 102], name="row"))
    summary = pd.DataFrame({
        "n_orders": np.array([2, 1, 5], dtype="int64"),
        "total_amount": [40.0, 9.5, 120.0],
        "mean_amount": [20.0, 9.5, 24.0],
        "last_order": pd.to_datetime(["2024-01-05", "2023-07-01", "2024-06-30"]),
    }, index=pd.Index(["C1", "C3", "C9"], name="customer_id"))
    orders_ = _parsed_orders(2, 60)
    real_summary = orders_.groupby("customer_id").agg(
        n_orders=("amount", "size"), total_amount=("amount", "sum"),
        mean_amount=("amount", "mean"), last_order=("order_date", "max"))
    real_customers = _raw(60, 2).drop_duplicates("customer_id").iloc[::-1]
    return [
        Check("a left join", [Case(customers, summary,
                                   label=_show(customers) + "\nsummary =\n" + summary.to_string())],
              expect=same_frames(_expected_merge),
              hint="`customers.join(summary, on='customer_id', how='left')` keeps every "
                   "customer, in order, with its index; C9 (no such customer) disappears."),
        Check("the project's tables", [Case(real_customers, real_summary,
                                            label="messy_customers(60, 2) reversed, and the "
                                                  "summary of orders(2, 60)")],
              expect=same_frames(_expected_merge, hidden=True), hidden=True,
              hint="Customers without orders get n_orders 0 (int64 again after fillna) and "
                   "total_amount 0.0; mean_amount stays NaN and last_order NaT."),
        Check("invalid input",
              [Case(customers, pd.concat([summary, summary.iloc[:1]]),
                    label="a summary that repeats C1"),
               Case(customers.rename(columns={"customer_id": "id"}), summary,
                    label="customers without a customer_id column")],
              expect=raises(ValueError),
              hint="A repeated id would duplicate customers: raise ValueError (pandas' "
                   "`validate='many_to_one'` does it), and when customer_id is missing."),
    ]


# --------------------------------------------------------------------------------------------
# pd.pivot

def _expected_pivot(df: pd.DataFrame, index: str, columns: str,
                    target: str = "churned") -> pd.DataFrame:
    cells: dict[tuple[Any, Any], list[float]] = {}
    for r, c, t in zip(df[index].tolist(), df[columns].tolist(), df[target].tolist(),
                       strict=True):
        if _is_missing(r, ()) or _is_missing(c, ()):
            continue
        cells.setdefault((r, c), []).append(float(t))
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    data = [[float(np.mean(cells[(r, c)])) if (r, c) in cells else math.nan for c in cols]
            for r in rows]
    return pd.DataFrame(data, index=pd.Index(rows, name=index),
                        columns=pd.Index(cols, name=columns), dtype="float64")


def pivot() -> list[Check]:
    small = pd.DataFrame({
        "city": ["NY", "NY", "LA", "LA", "NY", "Boston", None],
        "plan": ["basic", "basic", "premium", "basic", "premium", "basic", "basic"],
        "churned": [True, False, False, True, False, True, True],
    })
    rng = np.random.default_rng(33)
    n = 200
    big = pd.DataFrame({
        "region": rng.choice(["north", "south", "east", "west"], n),
        "plan": rng.choice(["basic", "standard", "premium"], n),
        "left": (rng.random(n) < 0.3).astype("int64"),
    })
    return [
        Check("churn rate by city and plan",
              [Case(small, "city", "plan", label=_show(small) + "\nindex = 'city', columns = "
                                                                "'plan'")],
              expect=same_frames(_expected_pivot),
              hint="`df.pivot_table(index=index, columns=columns, values=target, "
                   "aggfunc='mean')`; True counts as 1, so the mean is the churn rate."),
        Check("seeded data, an integer target",
              [Case(big, "region", "plan", target="left", label="200 rows: region x plan, "
                                                               "target 'left' (0/1)")],
              expect=same_frames(_expected_pivot, hidden=True), hidden=True,
              hint="The cells are float64 means, rows and columns sorted."),
        Check("invalid input",
              [Case(small, "city", "tier", label="columns = 'tier' (no such column)"),
               Case(small.assign(churned=small["churned"].map({True: "yes", False: "no"})),
                    "city", "plan", label="churned as 'yes'/'no' text")],
              expect=raises(ValueError),
              hint="Raise ValueError for an unknown column or a text target (fix its type "
                   "first)."),
    ]


# --------------------------------------------------------------------------------------------
# pd.to_model_ready

def _expected_model_ready(df: pd.DataFrame, numeric: Sequence[str],
                          categorical: Sequence[str],
                          target: str) -> tuple[pd.DataFrame, pd.Series]:
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    parts = []
    if numeric:
        scaled = StandardScaler().fit_transform(df[list(numeric)].to_numpy(dtype=float))
        parts.append(pd.DataFrame(scaled, columns=list(numeric), index=df.index))
    if categorical:
        encoder = OneHotEncoder(sparse_output=False)
        onehot = encoder.fit_transform(df[list(categorical)].astype("str").to_numpy(dtype=object))
        parts.append(pd.DataFrame(onehot, columns=encoder.get_feature_names_out(categorical),
                                  index=df.index))
    X = pd.concat(parts, axis=1)
    X.columns = [str(c) for c in X.columns]
    y = pd.Series(df[target].to_numpy().astype("int64"), index=df.index, name=target)
    return X, y


def to_model_ready() -> list[Check]:
    small = pd.DataFrame({
        "age": [25.0, 35.0, 45.0, 55.0],
        "income": [40e3, 52e3, 61e3, 48e3],
        "city": ["NY", "LA", "NY", "Boston"],
        "plan": pd.Categorical(["basic", "premium", "basic", "basic"],
                               categories=["basic", "standard", "premium"]),
        "churned": [True, False, False, True],
    }, index=[10, 20, 30, 40])
    rng = np.random.default_rng(44)
    n = 120
    big = pd.DataFrame({
        "tenure": rng.exponential(400, n),
        "visits": rng.integers(0, 20, n),
        "flat": np.full(n, 3.0),
        "region": rng.choice(["north", "south", "east"], n),
        "y": rng.integers(0, 2, n),
    })
    return [
        Check("scale and one-hot encode",
              [Case(small, ["age", "income"], ["city", "plan"], "churned",
                    label=_show(small) + "\nnumeric = ['age', 'income'], categorical = "
                                         "['city', 'plan'], target = 'churned'")],
              expect=same_frames(_expected_model_ready),
              hint="z = (x - mean) / std with ddof=0 (`.std(ddof=0)`: pandas' default is 1!); "
                   "`pd.get_dummies(df[col].astype('str'), prefix=col, dtype='float64')`; "
                   "y = df[target].astype('int64')."),
        Check("seeded data, a constant column",
              [Case(big, ["tenure", "visits", "flat"], ["region"], "y",
                    label="120 rows: tenure, visits, a constant 'flat', region, y")],
              expect=same_frames(_expected_model_ready, hidden=True), hidden=True,
              hint="A constant column has std 0: make it all zeros instead of dividing by 0."),
        Check("invalid input",
              [Case(small.assign(age=[25.0, np.nan, 45.0, 55.0]), ["age"], ["city"], "churned",
                    label="a missing age"),
               Case(small.assign(churned=["yes", "no", "no", "yes"]), ["age"], ["city"],
                    "churned", label="target as 'yes'/'no' text"),
               Case(small, ["age"], ["colour"], "churned", label="categorical = ['colour']")],
              expect=raises(ValueError),
              hint="Refuse missing values (impute first), a text target and unknown columns "
                   "with ValueError."),
    ]
