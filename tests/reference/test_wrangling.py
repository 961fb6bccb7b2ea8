"""groundup.wrangling against other pandas idioms, plain Python, NumPy, SciPy and scikit-learn."""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from scipy import stats
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from groundup import datasets
from groundup import wrangling as wr

TOKENS = {"", "?", "na", "n/a", "unknown"}


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return datasets.messy_customers(300, 5)


@pytest.fixture(scope="module")
def typed(raw) -> pd.DataFrame:
    return wr.fix_types(raw, numeric=["age", "income"], boolean=["churned"],
                        bounds={"age": (0, 120)})


def _parse(v):
    if not isinstance(v, str):
        return math.nan
    try:
        return float(v.strip().replace(",", "").replace("$", ""))
    except ValueError:
        return math.nan


def test_missing_report_counts_every_form(raw):
    report = wr.missing_report(raw)
    for col in raw.columns:
        expected = sum(1 for v in raw[col] if not isinstance(v, str) or v.strip().lower() in TOKENS)
        assert report.loc[col, "n_missing"] == expected, col
    assert report["n_missing"].dtype == "int64"
    np.testing.assert_allclose(report["fraction"], report["n_missing"] / len(raw))


def test_fix_types_matches_python_parsing(raw, typed):
    expected_income = np.array([_parse(v) for v in raw["income"]])
    np.testing.assert_array_equal(typed["income"].to_numpy(), expected_income)
    ages = np.array([_parse(v) for v in raw["age"]])
    ages[(ages < 0) | (ages > 120)] = np.nan
    np.testing.assert_array_equal(typed["age"].to_numpy(), ages)
    assert typed["churned"].tolist() == [v.lower() == "yes" for v in raw["churned"]]
    pdt.assert_series_equal(typed["name"], raw["name"])


def test_normalize_categories_and_parse_dates_match_python(raw):
    city = wr.normalize_categories(raw["city"], datasets.CITY_ALIASES)
    for v, c in zip(raw["city"], city, strict=True):
        if isinstance(v, str) and v.strip():
            assert c == datasets.CITY_ALIASES[v.strip().lower()]
        else:
            assert pd.isna(c)
    assert list(city.cat.categories) == sorted(datasets.CITY_SPELLINGS)
    dates = wr.parse_dates(raw["signup_date"])
    for v, d in zip(raw["signup_date"], dates, strict=True):
        fmt = "%Y-%m-%d" if isinstance(v, str) and "-" in v else "%m/%d/%Y"
        if isinstance(v, str) and v:
            assert d == pd.Timestamp(datetime.strptime(v, fmt))
        else:
            assert pd.isna(d)


def test_deduplicate_keeps_most_complete_copy(typed):
    df = typed.assign(signup_date=wr.parse_dates(typed["signup_date"]))
    out = wr.deduplicate(df, "customer_id")
    assert out["customer_id"].is_unique and set(out["customer_id"]) == set(df["customer_id"])
    assert out.index.is_monotonic_increasing
    n_missing = df.isna().sum(axis=1)
    best = n_missing.groupby(df["customer_id"]).min()
    assert (n_missing[out.index].to_numpy() == best[out["customer_id"]].to_numpy()).all()


def test_impute_follows_the_skew_rule(typed):
    filled, reasons = wr.impute(typed, ["age", "income"], ["plan"])
    for col in ("age", "income"):
        x = typed[col].dropna().to_numpy()
        skew = stats.skew(x, bias=False)
        value = np.mean(x) if abs(skew) <= 1 else np.median(x)
        assert reasons[col].startswith("mean" if abs(skew) <= 1 else "median")
        np.testing.assert_allclose(filled.loc[typed[col].isna(), col], value)
    assert reasons["income"].startswith("median")  # the extra-zero outliers skew it
    assert filled[["age", "income"]].notna().all().all()


def test_clip_outliers_matches_numpy():
    rng = np.random.default_rng(0)
    x = pd.Series(np.exp(rng.normal(size=400)))
    x[::17] = np.nan
    clipped, flagged = wr.clip_outliers(x, k=1.5)
    q1, q3 = np.nanpercentile(x, [25, 75])
    low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    np.testing.assert_array_equal(clipped.to_numpy(), np.clip(x.to_numpy(), low, high))
    np.testing.assert_array_equal(flagged.to_numpy(), (x > high).to_numpy() | (x < low).to_numpy())


def test_summarize_merge_and_pivot_match_other_idioms(typed):
    raw_orders = datasets.orders(5, 300)
    orders = raw_orders.assign(order_date=pd.to_datetime(raw_orders["order_date"]))
    summary = wr.summarize_orders(orders)
    by_hand = {cid: g for cid, g in orders.groupby("customer_id")}
    for cid in summary.index[:25]:
        g = by_hand[cid]
        assert summary.loc[cid, "n_orders"] == len(g)
        assert summary.loc[cid, "total_amount"] == pytest.approx(g["amount"].sum())
        assert summary.loc[cid, "last_order"] == g["order_date"].max()
    customers = typed.drop_duplicates("customer_id")
    merged = wr.merge_orders(customers, summary)
    expected = pd.merge(customers.reset_index(), summary.reset_index(), on="customer_id",
                        how="left").set_index("index")
    expected.index.name = None
    expected = expected.fillna({"n_orders": 0, "total_amount": 0.0}).astype({"n_orders": "int64"})
    pdt.assert_frame_equal(merged, expected)
    df = customers.assign(city=customers["city"].str.strip().str.lower())
    table = wr.churn_table(df, "city", "plan")
    other = df.groupby(["city", "plan"])["churned"].mean().unstack()
    pdt.assert_frame_equal(table, other)


def test_to_model_ready_matches_scikit_learn():
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"a": rng.normal(size=50), "b": rng.integers(0, 5, 50),
                       "c": rng.choice(["x", "y", "z"], 50), "t": rng.random(50) < 0.4})
    X, y = wr.to_model_ready(df, ["a", "b"], ["c"], "t")
    np.testing.assert_allclose(X[["a", "b"]], StandardScaler().fit_transform(df[["a", "b"]]))
    encoder = OneHotEncoder(sparse_output=False).fit(df[["c"]])
    np.testing.assert_array_equal(X.iloc[:, 2:], encoder.transform(df[["c"]]))
    assert list(X.columns[2:]) == list(encoder.get_feature_names_out())
    assert y.dtype == "int64" and (y == df["t"]).all()


def test_churn_dataset_is_model_ready_and_learnable():
    X, y = wr.churn_dataset()
    assert X.shape == (500, 13) and (X.dtypes == "float64").all() and not X.isna().any().any()
    assert set(y.unique()) == {0, 1}
    accuracy = cross_val_score(LogisticRegression(max_iter=1000), X, y, cv=5).mean()
    assert accuracy > max(y.mean(), 1 - y.mean()) + 0.08  # the features carry signal


def test_inputs_are_never_changed(raw):
    before = raw.copy()
    typed = wr.fix_types(raw, numeric=["age", "income"], boolean=["churned"])
    wr.missing_report(raw)
    wr.normalize_categories(raw["city"], datasets.CITY_ALIASES)
    wr.parse_dates(raw["signup_date"])
    wr.impute(typed, ["age"], ["city"])
    pdt.assert_frame_equal(raw, before)


@pytest.mark.parametrize(("fn", "args"), [
    (wr.missing_report, (pd.DataFrame({"a": []}),)),
    (wr.fix_types, (pd.DataFrame({"a": ["1"]}), ["b"])),
    (wr.fix_types, (pd.DataFrame({"a": ["maybe"]}), [], ["a"])),
    (wr.normalize_categories, (pd.Series(["Paris"]), {"ny": "New York"})),
    (wr.deduplicate, (pd.DataFrame({"a": [1]}), "b")),
    (wr.impute, (pd.DataFrame({"a": [np.nan]}), ["a"], [])),
    (wr.clip_outliers, (pd.Series([1.0, 2.0]), -1.0)),
    (wr.summarize_orders, (pd.DataFrame({"customer_id": ["C1"], "amount": [1.0],
                                         "order_date": ["2020-01-01"]}),)),
    (wr.merge_orders, (pd.DataFrame({"customer_id": ["C1"]}),
                       pd.DataFrame({"n_orders": [1, 2]}, index=["C1", "C1"]))),
    (wr.churn_table, (pd.DataFrame({"a": ["x"], "b": ["y"], "churned": ["yes"]}), "a", "b")),
    (wr.to_model_ready, (pd.DataFrame({"a": [1.0, np.nan], "t": [0, 1]}), ["a"], [], "t")),
])
def test_invalid_input_raises_value_error(fn, args):
    with pytest.raises(ValueError):
        fn(*args)
