"""groundup.datasets: the messy data set is deterministic and really has each fault it claims."""

from __future__ import annotations

import re

import pandas as pd
import pandas.testing as pdt
import pytest

from groundup import datasets


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return datasets.messy_customers()


def test_seeded_and_deterministic(raw):
    pdt.assert_frame_equal(raw, datasets.messy_customers(500, 0))
    assert not raw.equals(datasets.messy_customers(500, 1))
    pdt.assert_frame_equal(datasets.orders(), datasets.orders(0, 500))


def test_shape_and_text_columns(raw):
    assert list(raw.columns) == datasets.CUSTOMER_COLUMNS
    assert all(pd.api.types.is_string_dtype(raw[c]) for c in raw.columns)
    assert 500 < len(raw) < 540
    assert raw["customer_id"].nunique() == 500
    assert raw["customer_id"].duplicated().sum() == len(raw) - 500  # duplicates


def test_every_promised_fault_is_there(raw):
    age = raw["age"]
    assert {"?", "", "NA"} <= set(age.dropna()) and age.isna().any()
    numbers = pd.to_numeric(age, errors="coerce")
    assert ((numbers < 0) | (numbers > 120)).sum() >= 3  # impossible ages
    income = raw["income"].dropna()
    assert income.str.contains(",").any() and income.str.startswith("$").any()
    assert (income == "unknown").any()
    parsed = pd.to_numeric(income.str.replace(r"[,$]", "", regex=True), errors="coerce")
    q1, q3 = parsed.quantile([0.25, 0.75])
    assert (parsed > q3 + 3 * (q3 - q1)).sum() >= 3  # extra-zero outliers
    assert raw["city"].nunique() > 10  # many spellings of five cities
    assert set(raw["city"].dropna().str.strip().str.lower()) - {""} <= set(datasets.CITY_ALIASES)
    dates = raw["signup_date"].dropna()
    assert dates.str.fullmatch(r"\d{4}-\d{2}-\d{2}").any()
    assert dates.str.fullmatch(r"\d{2}/\d{2}/\d{4}").any()
    assert raw["plan"].str.strip().str.lower().isin(datasets.PLANS).all()
    assert (raw["plan"] != raw["plan"].str.strip().str.lower()).any()
    churned = raw["churned"].str.lower()
    assert churned.isin(["yes", "no"]).all() and 0.2 < (churned == "yes").mean() < 0.5


def test_orders_table_joins_with_orphans(raw):
    orders = datasets.orders()
    assert list(orders.columns) == datasets.ORDER_COLUMNS
    assert orders["order_id"].is_unique and orders["amount"].dtype == "float64"
    assert pd.to_datetime(orders["order_date"], format="%Y-%m-%d").is_monotonic_increasing
    known = orders["customer_id"].isin(raw["customer_id"])
    assert 0 < (~known).sum() < 0.05 * len(orders)  # orphans
    assert raw["customer_id"].isin(orders["customer_id"]).mean() < 1  # customers never ordering


def test_write_csv_round_trip_and_no_overwrite(tmp_path, raw):
    paths = datasets.write_csv(tmp_path / "data")
    assert [p.name for p in paths] == ["customers.csv", "orders.csv"]
    first = [p.read_bytes() for p in paths]
    with pytest.raises(FileExistsError, match="overwrite"):
        datasets.write_csv(tmp_path / "data")
    assert datasets.write_csv(tmp_path / "data", overwrite=True) == paths
    assert [p.read_bytes() for p in paths] == first  # deterministic
    back = datasets.read_messy_csv(paths[0])
    # A CSV cannot tell None from "": both come back as "".
    pdt.assert_frame_equal(back, raw.fillna(""), check_dtype=False)
    assert re.match(rb"order_id,customer_id,order_date,amount\n", first[1])


@pytest.mark.parametrize("n", [0, -3, 2.5, True])
def test_invalid_size(n):
    with pytest.raises(ValueError, match="n must be"):
        datasets.messy_customers(n)
