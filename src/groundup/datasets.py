"""groundup's own messy data set: a customer table and an orders table, seeded.

Real data arrives dirty, and cleaning it is most of the work before any model. The tables here
are generated (nothing is downloaded) with the faults that real exports have, each on purpose,
so that the phase 2 pandas exercises have something true to fix:

* **missing values in several forms**: ``""``, ``"NA"``, ``"?"``, ``"unknown"`` and real
  ``None``. ``pd.read_csv`` turns only some of these into ``NaN`` by default, so a plain
  ``df.isna()`` undercounts them.
* **numbers stored as text**: ``"52,000"`` (a thousands separator), ``"$61,500"``.
* **impossible values**: ages of ``-1``, ``150`` or ``999`` (typing errors and "unknown"
  sentinels).
* **outliers**: a few incomes with extra zeros (``4,800,000``).
* **inconsistent categories**: ``"NY"``, ``"New York"``, ``"new york"``, ``" NYC"`` are one
  city; plans come as ``"basic"``, ``"Basic"``, ``"basic "``.
* **dates as strings** in two formats: ISO ``"2021-03-15"`` and US ``"03/15/2021"``.
* **duplicates**: some customers appear twice (an export that ran twice, a re-registration),
  not always spelled identically, and sometimes with a field blanked in one copy.
* **a second table** (orders) keyed on ``customer_id``, with some orders whose customer is not
  in the customer table (orphans) and customers who never ordered.

The target, ``churned`` (``"yes"``/``"no"``), really depends on the features (plan, age,
income, tenure and how often the customer orders), so the cleaned table is a fair data set for
the classifiers of phase 3.

``write_csv`` writes both tables as CSV files (``groundup data`` calls it); ``read_messy_csv``
reads one back with every cell as the string it is in the file.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

CUSTOMER_COLUMNS = ["customer_id", "name", "city", "age", "income", "signup_date", "plan",
                    "churned"]
ORDER_COLUMNS = ["order_id", "customer_id", "order_date", "amount"]

# Canonical city -> the spellings that occur in the raw data (the canonical one most often).
CITY_SPELLINGS: dict[str, list[str]] = {
    "New York": ["New York", "NY", "new york", "NYC", " New York"],
    "Los Angeles": ["Los Angeles", "LA", "los angeles", "L.A."],
    "Chicago": ["Chicago", "chicago", "CHICAGO", "Chicago "],
    "Houston": ["Houston", "houston", "HOUSTON"],
    "Boston": ["Boston", "boston", "BOS"],
}
PLANS = ["basic", "standard", "premium"]
# The alias tables that normalise the spellings above (keys: stripped, lower-case spelling).
CITY_ALIASES: dict[str, str] = {s.strip().lower(): city for city, spellings
                                in CITY_SPELLINGS.items() for s in spellings}
PLAN_ALIASES: dict[str, str] = {p: p for p in PLANS}
MISSING_TOKENS: tuple[str, ...] = ("", "?", "na", "n/a", "unknown")

_FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Katherine",
          "Linus", "Margaret", "Niklaus", "Radia", "Tim", "Yann", "Fei-Fei", "Geoffrey", "Joy"]
_LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy",
         "Johnson", "Torvalds", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "LeCun", "Li",
         "Hinton", "Buolamwini"]
_START = np.datetime64("2019-01-01")
_END = np.datetime64("2025-06-30")  # the day the data were exported


def _check(n: int, seed: int) -> None:
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive whole number of customers, got {n!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool):
        raise ValueError(f"seed must be an integer, got {seed!r}")


def _truth(n: int, seed: int) -> pd.DataFrame:
    """The clean facts behind both tables (the same for the same ``n`` and ``seed``)."""
    rng = np.random.default_rng([seed, 2024])
    plan = rng.choice(PLANS, size=n, p=[0.5, 0.3, 0.2])
    cities = list(CITY_SPELLINGS)
    city = rng.choice(cities, size=n, p=[0.35, 0.25, 0.15, 0.15, 0.10])
    age = rng.integers(18, 80, size=n)
    income = np.round(np.exp(rng.normal(10.8, 0.45, size=n)) / 100) * 100
    span = int((_END - _START).astype(int)) - 30
    signup = _START + rng.integers(0, span, size=n).astype("timedelta64[D]")
    tenure_years = (_END - signup).astype(int) / 365.25
    rate = np.select([plan == "basic", plan == "standard"], [0.25, 0.5], 0.9)  # orders a month
    n_orders = rng.poisson(rate * (0.3 + rng.gamma(2.0, 0.5, size=n)) * 12 * np.minimum(
        tenure_years, 1.0))
    z_income = (np.log(income) - 10.8) / 0.45
    logit = (0.2 + 1.2 * (plan == "basic") - 1.2 * (plan == "premium") - 0.05 * (age - 45)
             - 0.8 * z_income + 1.2 * (tenure_years < 1.0) - 0.25 * np.minimum(n_orders, 10))
    churned = rng.random(n) < 1 / (1 + np.exp(-logit))
    return pd.DataFrame({
        "customer_id": [f"C{i:04d}" for i in range(1, n + 1)],
        "name": [f"{a} {b}" for a, b in zip(rng.choice(_FIRST, n), rng.choice(_LAST, n),
                                             strict=True)],
        "city": city, "age": age, "income": income, "signup_date": signup, "plan": plan,
        "churned": churned, "n_orders": n_orders,
    })


def _spell(rng: np.random.Generator, city: str) -> str:
    spellings = CITY_SPELLINGS[city]
    if rng.random() < 0.6:
        return spellings[0]
    return str(rng.choice(spellings[1:]))


def _corrupt(rng: np.random.Generator, text: str, forms: list[object], p: float) -> object:
    """``text``, or with probability ``p`` one of the missing ``forms``."""
    if rng.random() < p:
        return forms[int(rng.integers(len(forms)))]
    return text


def messy_customers(n: int = 500, seed: int = 0) -> pd.DataFrame:
    """The raw customer table: one row per customer, plus duplicates, every cell as text.

    Parameters
    ----------
    n : int, default 500
        Distinct customers (``C0001`` ... ). About 4 % of them appear a second time, so the
        table has a few more rows than ``n``.
    seed : int, default 0

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id, name, city, age, income, signup_date, plan, churned``, all
        strings (dtype ``str``) with ``NaN`` where the export had ``None``; a ``RangeIndex``.

    What is messy, and why it matters:

    - ``age``: ``"?"``, ``""``, ``"NA"``, ``None`` for unknown, and impossible values
      (``"-1"``, ``"150"``, ``"999"``) that must become missing rather than be averaged.
    - ``income``: ``"52,000"`` and ``"$52,000"`` next to ``"52000"``; ``"unknown"``, ``""``,
      ``None``; a few extra-zero outliers that would dominate a mean.
    - ``city``: one city, many spellings (``"NY"``, ``"new york"``, ``" NYC"``), some blank.
    - ``signup_date``: ISO ``2021-03-15`` or US ``03/15/2021``, some blank.
    - ``plan``: case and trailing spaces vary (``"Basic"``, ``"basic "``).
    - ``churned``: the target, ``"yes"``/``"no"``, sometimes capitalised; never missing.
    - duplicate customers: same ``customer_id``, possibly a different spelling or a blank.

    Examples
    --------
    >>> raw = messy_customers(50)
    >>> raw.shape[1], raw["age"].dtype == "str"
    (8, True)
    """
    _check(n, seed)
    truth = _truth(n, seed)
    rng = np.random.default_rng([seed, 7])
    rows = []
    for rec in truth.itertuples(index=False):
        age = str(rec.age)
        if rng.random() < 0.015:
            age = str(rng.choice(["-1", "150", "999"]))
        income = rec.income * (rng.choice([10, 100]) if rng.random() < 0.015 else 1)
        style = rng.random()
        income_text = (f"{income:,.0f}" if style < 0.15 else f"${income:,.0f}" if style < 0.2
                       else f"{income:.0f}")
        date = pd.Timestamp(rec.signup_date)
        date_text = date.strftime("%m/%d/%Y") if rng.random() < 0.3 else date.strftime("%Y-%m-%d")
        plan = rec.plan
        if rng.random() < 0.12:
            plan = str(rng.choice([plan.capitalize(), plan.upper(), plan + " "]))
        churned = "yes" if rec.churned else "no"
        if rng.random() < 0.05:
            churned = churned.capitalize()
        rows.append({
            "customer_id": rec.customer_id,
            "name": rec.name if rng.random() > 0.05 else f" {rec.name}  ",
            "city": _corrupt(rng, _spell(rng, rec.city), ["", None], 0.04),
            "age": _corrupt(rng, age, ["?", "", "NA", None], 0.10),
            "income": _corrupt(rng, income_text, ["unknown", "", None], 0.07),
            "signup_date": _corrupt(rng, date_text, ["", None], 0.04),
            "plan": plan,
            "churned": churned,
        })
    n_dup = max(1, round(0.04 * n))
    for i in rng.choice(n, size=n_dup, replace=False):
        copy = dict(rows[int(i)])
        copy["city"] = _spell(rng, str(truth.at[int(i), "city"]))  # spelled afresh
        if rng.random() < 0.5:
            copy[str(rng.choice(["age", "income", "signup_date"]))] = ""  # blanked in one copy
        rows.append(copy)
    order = rng.permutation(len(rows))
    frame = pd.DataFrame([rows[i] for i in order], columns=CUSTOMER_COLUMNS)
    return frame.astype("str").where(frame.notna()).reset_index(drop=True)


def orders(seed: int = 0, n_customers: int = 500) -> pd.DataFrame:
    """The raw orders table: one row per order, keyed on ``customer_id``.

    Parameters
    ----------
    seed : int, default 0
        The same seed as :func:`messy_customers`, so that the two tables belong together.
    n_customers : int, default 500
        The ``n`` of :func:`messy_customers`.

    Returns
    -------
    pandas.DataFrame
        Columns ``order_id`` (str), ``customer_id`` (str), ``order_date`` (str, ISO
        ``YYYY-MM-DD``: a date to parse) and ``amount`` (float64, in dollars), sorted by date.

    What is messy: the dates are text; a few orders (about 1 %) belong to customer ids that
    are not in the customer table (an inner join silently drops them); customers who never
    ordered have no row at all (a left join gives them ``NaN``, which means *zero orders*).

    Examples
    --------
    >>> orders(0, 50).columns.tolist()
    ['order_id', 'customer_id', 'order_date', 'amount']
    """
    _check(n_customers, seed)
    truth = _truth(n_customers, seed)
    rng = np.random.default_rng([seed, 11])
    counts = truth["n_orders"].to_numpy()
    owner = np.repeat(np.arange(n_customers), counts)
    start = truth["signup_date"].to_numpy().astype("datetime64[D]")[owner]
    days = (_END - start).astype(int)
    date = start + (rng.random(owner.size) * days).astype(int).astype("timedelta64[D]")
    scale = truth["plan"].map({"basic": 30.0, "standard": 45.0, "premium": 80.0}).to_numpy()[owner]
    amount = np.round(scale * np.exp(rng.normal(0, 0.5, owner.size)), 2)
    ids = truth["customer_id"].to_numpy()[owner].astype(object)
    n_orphans = max(1, owner.size // 100)
    orphan_ids = [f"C{n_customers + 1 + int(k):04d}" for k in rng.integers(0, 20, n_orphans)]
    orphan_dates = _START + rng.integers(0, 2000, n_orphans).astype("timedelta64[D]")
    frame = pd.DataFrame({
        "customer_id": np.concatenate([ids, np.array(orphan_ids, dtype=object)]),
        "order_date": np.concatenate([date, orphan_dates]),
        "amount": np.concatenate([amount, np.round(rng.uniform(10, 90, n_orphans), 2)]),
    })
    frame = frame.sort_values(["order_date", "customer_id"], kind="stable").reset_index(drop=True)
    frame.insert(0, "order_id", [f"O{i:05d}" for i in range(1, len(frame) + 1)])
    frame["order_date"] = frame["order_date"].dt.strftime("%Y-%m-%d")
    return frame.astype({"order_id": "str", "customer_id": "str", "order_date": "str"})


def read_messy_csv(path: Path | str) -> pd.DataFrame:
    """Read a CSV with every cell as the string it is in the file (blank cells as ``""``).

    ``pd.read_csv`` would turn ``""`` and ``"NA"`` into ``NaN`` but leave ``"?"`` and
    ``"unknown"`` as text: half-cleaned data that hides how the file was written. Here nothing
    is interpreted, so a missing-value report sees every form. (A CSV cannot tell ``None``
    from ``""``: both are written as an empty cell.)
    """
    return pd.read_csv(path, dtype="str", keep_default_na=False)


def write_csv(out_dir: Path | str, *, overwrite: bool = False, n: int = 500,
              seed: int = 0) -> list[Path]:
    """Write ``customers.csv`` and ``orders.csv`` into ``out_dir``; return their paths.

    The files are deterministic: the same ``n`` and ``seed`` write the same bytes.

    Raises
    ------
    FileExistsError
        If either file exists and ``overwrite`` is False (nothing is written then).
    """
    out = Path(out_dir)
    paths = [out / "customers.csv", out / "orders.csv"]
    existing = [str(p) for p in paths if p.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{', '.join(existing)} already exist(s); pass overwrite=True "
                              "to replace")
    tables = [messy_customers(n, seed), orders(seed, n)]
    out.mkdir(parents=True, exist_ok=True)
    for path, table in zip(paths, tables, strict=True):
        table.to_csv(path, index=False, lineterminator="\n")
    return paths
