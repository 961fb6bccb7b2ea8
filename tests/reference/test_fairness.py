"""groundup.fairness against fairlearn, scikit-learn and the formulas, on seeded random data."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from groundup import fairness as fair

fm = pytest.importorskip("fairlearn.metrics")


def _data(seed: int, n: int = 300, groups: tuple = ("a", "b", "c")):
    rng = np.random.default_rng(seed)
    group = rng.choice(np.array(groups), size=n)
    y_true = (rng.random(n) < 0.4).astype(int)
    y_pred = (rng.random(n) < 0.3 + 0.4 * y_true).astype(int)
    return y_true, y_pred, group


CASES = [_data(0), _data(1, 50, (0, 1)), _data(2, 1000, ("x", "y")), _data(3, 12, ("p", "q"))]


def _no_positives_case():
    """Group "b" has no positive labels: its TPR is 0 by fairlearn's convention."""
    y_true, y_pred, group = _data(4, 100, ("a", "b"))
    y_true = np.where(group == "b", 0, y_true)
    return y_true, y_pred, group


@pytest.mark.parametrize("case", [*CASES, _no_positives_case()])
def test_metrics_match_fairlearn(case):
    y_true, y_pred, group = case
    kw = {"sensitive_features": group}
    assert_allclose(fair.selection_rate(y_pred), fm.selection_rate(y_true, y_pred), rtol=1e-12)
    assert_allclose(fair.demographic_parity_difference(y_pred, group),
                    fm.demographic_parity_difference(y_true, y_pred, **kw), rtol=1e-12, atol=1e-15)
    assert_allclose(fair.demographic_parity_ratio(y_pred, group),
                    fm.demographic_parity_ratio(y_true, y_pred, **kw), rtol=1e-12)
    assert_allclose(fair.equal_opportunity_difference(y_true, y_pred, group),
                    fm.equal_opportunity_difference(y_true, y_pred, **kw), rtol=1e-12, atol=1e-15)
    assert_allclose(fair.equalized_odds_difference(y_true, y_pred, group),
                    fm.equalized_odds_difference(y_true, y_pred, **kw), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("case", [*CASES, _no_positives_case()])
def test_by_group_matches_metric_frame(case):
    y_true, y_pred, group = case

    def counts(yt, yp):
        return confusion_matrix(yt, yp, labels=[0, 1]).ravel()

    frame = fm.MetricFrame(metrics={"selection_rate": fm.selection_rate, "counts": counts},
                           y_true=y_true, y_pred=y_pred, sensitive_features=group).by_group
    rates = fair.group_selection_rates(y_pred, group)
    assert rates.name == "selection_rate" and rates.index.name == "group"
    assert list(rates.index) == list(frame.index)
    assert_allclose(rates.to_numpy(), frame["selection_rate"].to_numpy(dtype=float), rtol=1e-12)
    cm = fair.group_confusion_matrices(y_true, y_pred, group)
    assert list(cm.columns) == ["tn", "fp", "fn", "tp"] and (cm.dtypes == np.int64).all()
    np.testing.assert_array_equal(cm.to_numpy(), np.stack(frame["counts"].to_numpy()))


def test_all_zero_predictions_give_nan_ratio_like_fairlearn():
    y_true, _, group = _data(5, 40, ("a", "b"))
    y_pred = np.zeros_like(y_true)
    assert math.isnan(fm.demographic_parity_ratio(y_true, y_pred, sensitive_features=group))
    assert math.isnan(fair.demographic_parity_ratio(y_pred, group))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_disparate_impact_against_pandas(seed):
    y_true, y_pred, group = _data(seed)
    rates = pd.Series(y_pred).groupby(group).mean()
    for privileged in ("a", "b"):
        expected = pd.Series(y_pred)[group != privileged].mean() / rates[privileged]
        assert_allclose(fair.disparate_impact_ratio(y_pred, group, privileged), expected, rtol=1e-12)
    # two groups: the ratio of the two selection rates, and the inverse with the roles swapped
    y_true, y_pred, group = _data(seed, 200, ("u", "v"))
    assert_allclose(fair.disparate_impact_ratio(y_pred, group, "u")
                    * fair.disparate_impact_ratio(y_pred, group, "v"), 1.0, rtol=1e-12)


@pytest.mark.parametrize(("fn", "args"), [
    (fair.selection_rate, ([],)),
    (fair.selection_rate, ([0, 2, 1],)),
    (fair.group_selection_rates, ([0, 1], ["a"])),
    (fair.demographic_parity_difference, ([[0, 1]], ["a", "b"])),
    (fair.equalized_odds_difference, ([0, 1, 1], [0, 1], ["a", "b"])),
    (fair.disparate_impact_ratio, ([1, 0], ["a", "b"], "z")),
    (fair.disparate_impact_ratio, ([0, 1], ["a", "b"], "a")),
    (fair.disparate_impact_ratio, ([0, 1], ["a", "a"], "a")),
    (fair.reweighing, ([0, 1, 0.5], ["a", "b", "a"])),
    (fair.group_thresholds, ([0.2, 0.4], [1, 1], ["a", "b"], 0.0)),
    (fair.group_thresholds, ([0.2, 0.4], [1, 0], ["a", "b"], 0.5)),
    (fair.group_thresholds, ([0.2, 0.4], [1, 1], ["a", "b"], 0.5, "accuracy")),
])
def test_invalid_input(fn, args):
    with pytest.raises(ValueError):
        fn(*args)


@pytest.mark.parametrize("seed", [0, 1])
def test_reweighing_matches_the_formula_and_decorrelates(seed):
    y_true, _, group = _data(seed, 500)
    w = fair.reweighing(y_true, group)
    df = pd.DataFrame({"g": group, "y": y_true})
    n = len(df)
    p_g = df["g"].map(df["g"].value_counts() / n)
    p_y = df["y"].map(df["y"].value_counts() / n)
    p_gy = df.groupby(["g", "y"])["y"].transform("size") / n
    assert_allclose(w, (p_g * p_y / p_gy).to_numpy(), rtol=1e-12)
    assert_allclose(w.sum(), n, rtol=1e-12)
    # with the weights, the label rate is the same in every group: the overall rate
    weighted = pd.Series(w * y_true).groupby(group).sum() / pd.Series(w).groupby(group).sum()
    assert_allclose(weighted.to_numpy(), y_true.mean(), rtol=1e-12)


def _kth_largest_thresholds(scores, y_true, group, target, metric):
    df = pd.DataFrame({"s": scores, "y": y_true, "g": group})
    if metric == "tpr":
        df = df[df["y"] == 1]
    out = {}
    for g, part in df.groupby("g"):
        ranked = part["s"].sort_values(ascending=False).to_numpy()
        k = max(1, math.ceil(round(target * len(ranked), 9)))
        out[g] = ranked[k - 1]
    return pd.Series(out)


@pytest.mark.parametrize("metric", ["tpr", "selection_rate"])
@pytest.mark.parametrize("target", [0.1, 0.5, 0.7, 0.8, 1.0])
def test_group_thresholds_reach_the_target(metric, target):
    y_true, _, group = _data(6, 400)
    scores = np.random.default_rng(7).random(400) + 0.3 * y_true
    t = fair.group_thresholds(scores, y_true, group, target=target, metric=metric)
    assert t.name == "threshold" and t.index.name == "group"
    assert_allclose(t.to_numpy(), _kth_largest_thresholds(scores, y_true, group, target, metric)
                    .to_numpy(), rtol=0)
    y_pred = fair.apply_group_thresholds(scores, group, t)
    frame = fm.MetricFrame(metrics={"tpr": fm.true_positive_rate, "sel": fm.selection_rate},
                           y_true=y_true, y_pred=y_pred, sensitive_features=group).by_group
    achieved = frame["tpr" if metric == "tpr" else "sel"].to_numpy(dtype=float)
    assert (achieved >= target - 1e-12).all()
    # the largest such threshold: one notch higher misses the target
    for g, threshold in t.items():
        mask = (group == g) & ((y_true == 1) if metric == "tpr" else True)
        higher = scores[mask][scores[mask] > threshold]
        if higher.size:
            assert (scores[mask] >= higher.min()).mean() < target


@pytest.fixture(scope="module")
def loans():
    df = fair.biased_loans(3000, seed=0)
    X = df[fair.FEATURES]
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X, df["approved"])
    return df, X, model


def test_biased_loans_is_seeded_and_has_the_planted_bias(loans):
    df, _, _ = loans
    pd.testing.assert_frame_equal(df, fair.biased_loans(3000, seed=0))
    assert not df.equals(fair.biased_loans(3000, seed=1))
    assert list(df.columns) == [*fair.FEATURES, "group", "qualified", "approved"]
    a, b = df[df["group"] == "A"], df[df["group"] == "B"]
    assert (a["approved"] == a["qualified"]).all()  # no label bias for A
    refused = ((b["qualified"] == 1) & (b["approved"] == 0)).sum() / (b["qualified"] == 1).sum()
    assert 0.2 < refused < 0.4  # 30 % of qualified B applicants refused
    assert ((b["qualified"] == 0) & (b["approved"] == 1)).sum() == 0
    assert a["income"].mean() > b["income"].mean() + 5
    assert a["region"].mean() < b["region"].mean() - 1  # the proxy


def test_the_audit_finds_the_planted_bias(loans):
    df, X, model = loans
    result = fair.audit(model, X, df["qualified"], df["group"])
    y_pred = model.predict(X)
    kw = {"sensitive_features": df["group"]}
    assert_allclose(result["equal_opportunity_difference"],
                    fm.equal_opportunity_difference(df["qualified"], y_pred, **kw), rtol=1e-12)
    assert_allclose(result["demographic_parity_difference"],
                    fm.demographic_parity_difference(df["qualified"], y_pred, **kw), rtol=1e-12)
    by_group = result["by_group"]
    assert list(by_group.columns) == fair.BY_GROUP_COLUMNS
    assert result["privileged"] == "A"
    # qualified B applicants are approved less often than qualified A applicants
    assert by_group.loc["B", "tpr"] < by_group.loc["A", "tpr"] - 0.1
    assert result["disparate_impact_ratio"] < fair.FOUR_FIFTHS


def test_mitigation_reduces_the_gap(loans):
    df, X, model = loans
    before = fair.audit(model, X, df["qualified"], df["group"])
    weights = fair.reweighing(df["approved"], df["group"])
    reweighed = make_pipeline(StandardScaler(), LogisticRegression()).fit(
        X, df["approved"], logisticregression__sample_weight=weights)
    after = fair.audit(reweighed, X, df["qualified"], df["group"])
    assert after["equal_opportunity_difference"] < before["equal_opportunity_difference"] - 0.05
    assert after["demographic_parity_difference"] < before["demographic_parity_difference"]

    scores = model.predict_proba(X)[:, 1]
    t = fair.group_thresholds(scores, df["qualified"], df["group"], target=0.8, metric="tpr")
    y_pred = fair.apply_group_thresholds(scores, df["group"], t)
    gap = fm.equal_opportunity_difference(df["qualified"], y_pred, sensitive_features=df["group"])
    assert gap < 0.01 < before["equal_opportunity_difference"]


def test_tradeoff_curve(loans):
    df, X, model = loans
    scores = model.predict_proba(X)[:, 1]
    curve = fair.tradeoff_curve(scores, df["approved"], df["group"])
    assert list(curve.columns) == ["alpha", "accuracy", "demographic_parity_difference",
                                   "equalized_odds_difference"]
    assert_allclose(curve["alpha"], np.linspace(0, 1, 11))
    y0 = (scores >= 0.5).astype(int)
    assert_allclose(curve["accuracy"].iloc[0], (y0 == df["approved"]).mean())
    assert_allclose(curve["demographic_parity_difference"].iloc[0],
                    fm.demographic_parity_difference(df["approved"], y0,
                                                     sensitive_features=df["group"]))
    # the trade-off: parity improves, accuracy on the historical labels drops
    assert curve["demographic_parity_difference"].iloc[-1] < 0.01
    assert curve["accuracy"].iloc[-1] < curve["accuracy"].iloc[0]


def test_model_card_carries_the_audit(loans):
    df, X, model = loans
    result = fair.audit(model, X, df["qualified"], df["group"])
    card = fair.model_card(result, "loan screener", "Ranking applications for review.",
                           "biased_loans(3000, seed=0).", "Reweighing (Kamiran & Calders).")
    headings = re.findall(r"^#+ (.+)$", card, flags=re.M)
    assert headings == ["Model card: loan screener", "Intended use", "Data", "Metrics by group",
                        "Fairness metrics", "Limitations", "Mitigation"]
    rows = [line for line in card.splitlines() if line.startswith("| ") and "---" not in line][1:]
    for row, (label, expected) in zip(rows, result["by_group"].iterrows(), strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[0] == label and int(cells[1]) == expected["n"]
        assert_allclose([float(c) for c in cells[2:]],
                        expected[["selection_rate", "tpr", "fpr", "accuracy"]].to_numpy(float),
                        atol=5e-4)
    found = float(re.search(r"disparate impact ratio: ([\d.]+)", card).group(1))
    assert_allclose(found, result["disparate_impact_ratio"], atol=5e-4)
    assert "lowest selection rate: group B" in card and "four-fifths rule: fails" in card
    with pytest.raises(ValueError):
        fair.model_card({"by_group": result["by_group"]}, "m", "u", "d", "x")
