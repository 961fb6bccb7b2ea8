"""pandas objects and Matplotlib figures on the wire, and the comparators that judge them."""

from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pandas.testing as pdt  # noqa: E402
import pytest  # noqa: E402

from groundup.grading import static, wire  # noqa: E402
from groundup.grading.spec import Case, Outcome, compare_frames, figure_check, frame_equal  # noqa: E402


def roundtrip(value):
    return wire.decode(json.loads(json.dumps(wire.encode(value), allow_nan=False)))


@pytest.fixture
def messy() -> pd.DataFrame:
    return pd.DataFrame({
        "city": ["NY", None, "Boston"],
        "income": [1.5, np.nan, 3.0],
        "signup": pd.to_datetime(["2020-01-01", None, "2021-06-30"]),
        "segment": pd.Categorical(["a", "b", "a"], categories=["a", "b", "c"]),
        "visits": pd.array([1, None, 3], dtype="Int64"),
        "mixed": [1, "two", 3.0],
        "tag": pd.array(["p", None, "q"], dtype="string"),
        "flag": [True, False, True],
        "when": pd.to_datetime(["2020-01-01", None, "2021-01-01"]).tz_localize("Europe/Paris"),
    }, index=pd.Index(["r1", "r2", "r3"], name="id"))


def test_dataframe_roundtrip_keeps_dtypes_index_and_missing_values(messy):
    back = roundtrip(messy)
    pdt.assert_frame_equal(back, messy)  # pandas' own comparison: dtypes, index, values


def test_series_multiindex_and_groupby_results_roundtrip(messy):
    series = messy.set_index(["city", "segment"])["income"]
    pdt.assert_series_equal(roundtrip(series), series)
    grouped = messy.groupby("segment", observed=False)["income"].agg(["mean", "count"])
    pdt.assert_frame_equal(roundtrip(grouped), grouped)
    pivot = pd.DataFrame({"k": [1, 1, 2], "c": ["a", "b", "a"], "v": [1.0, 2.0, 3.0]}).pivot_table(
        index="k", columns="c", values="v")
    pdt.assert_frame_equal(roundtrip(pivot), pivot)


def test_decoding_refuses_a_crafted_dtype():
    crafted = {"__series__": {"name": None, "index": {"range": [0, 1, 1], "name": None},
                              "data": {"kind": "string", "dtype": "__import__('os')", "data": ["x"]}}}
    with pytest.raises(ValueError, match="refusing"):
        wire.decode(crafted)


def test_compare_frames_names_the_column_and_row(messy):
    wrong = messy.copy()
    wrong.loc["r3", "income"] = 4.0
    msg = compare_frames(messy, wrong)
    assert "column 'income'" in msg and "'r3'" in msg
    assert compare_frames(messy, messy.copy()) is None


def test_compare_frames_reports_dtype_missing_column_and_type(messy):
    assert "dtype" in compare_frames(messy, messy.astype({"income": "float32"}))
    assert "missing column(s) ['tag']" in compare_frames(messy, messy.drop(columns="tag"))
    assert "should be a pandas DataFrame" in compare_frames(messy, np.zeros(3))
    assert "index" in compare_frames(messy, messy.reset_index(drop=True))


def test_frame_equal_hidden_keeps_expected_values_secret(messy):
    wrong = messy.copy()
    wrong.loc["r1", "income"] = 99.0
    compare = frame_equal(lambda df: df, hidden=True)
    msg = compare(Case(messy), Outcome(value=wrong))
    assert "income" in msg and "1.5" not in msg


def test_figure_description_has_what_a_check_needs():
    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [3.0, 2.0, 1.0], label="train loss")
    ax.hist([1, 2, 2, 3], bins=3)
    ax.scatter([1, 2], [3, 4], c=[0, 1])
    ax.set(title="Loss", xlabel="epoch", ylabel="loss")
    ax.legend()
    fig.colorbar(ax.collections[0])
    info = roundtrip(fig)
    assert isinstance(info, wire.FigureInfo) and info.rendered
    axes = info.axes[0]
    assert (axes["title"], axes["xlabel"], axes["ylabel"]) == ("Loss", "epoch", "loss")
    np.testing.assert_array_equal(axes["lines"][0]["ydata"], [3.0, 2.0, 1.0])
    np.testing.assert_allclose([p["height"] for p in axes["patches"]], np.histogram([1, 2, 2, 3], 3)[0])
    np.testing.assert_array_equal(axes["collections"][0]["offsets"], [[1, 3], [2, 4]])
    assert axes["legend"]["labels"] == ["train loss"]
    assert info.colorbars == 1 and len(info.axes) == 1


def test_figure_check_messages():
    compare = figure_check(lambda case, info: None)
    assert "return the figure" in compare(Case(), Outcome(value=None))
    fig, ax = plt.subplots()
    assert "ax.figure" in compare(Case(), Outcome(value=roundtrip(ax)))
    assert compare(Case(), Outcome(value=roundtrip(fig))) is None


def test_loops_can_be_forbidden():
    import ast

    source = "def f(x):\n    total = [v for v in x]\n    while False:\n        pass\n    return x\n"
    found = static.find_forbidden(ast.parse(source), source, ("for", "while"))
    assert [v.name for v in found] == ["for", "while"]
    assert "vectorised" in found[0].describe("f.py")


def test_datetime_units_do_not_matter_and_labels_read_plainly():
    days = pd.DataFrame({"d": pd.to_datetime(["2020-01-01", "2021-02-03"])})
    assert compare_frames(days.astype({"d": "datetime64[ns]"}), days.astype({"d": "datetime64[us]"})) is None
    numbers = pd.DataFrame({"n": [1, 2]}, index=pd.Index([10, 12]))
    msg = compare_frames(numbers, numbers.assign(n=[1, 5]))
    assert "row 12" in msg and "np.int64" not in msg


def test_tuples_with_dicts_and_strings_are_compared_item_by_item(messy):
    compare = frame_equal(lambda df: (df, {"income": "median: skewed"}))
    assert compare(Case(messy), Outcome(value=(messy, {"income": "median: skewed"}))) is None
    msg = compare(Case(messy), Outcome(value=(messy, {"income": "mean"})))
    assert "['income']" in msg
    assert "missing ['income']" in compare(Case(messy), Outcome(value=(messy, {})))


def test_string_and_object_arrays_roundtrip():
    labels = np.array([["cat", "dog"], ["emu", "cat"]])
    back = roundtrip(labels)
    assert back.dtype.kind == "U" and back.shape == (2, 2)
    np.testing.assert_array_equal(back, labels)
    mixed = np.array(["a", 1, None], dtype=object)
    assert list(roundtrip(mixed)) == ["a", 1, None]
