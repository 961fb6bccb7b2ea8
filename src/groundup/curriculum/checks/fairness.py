"""Checks for the fairness exercises: the learner's code against ``fairlearn``.

The expected values come from ``fairlearn.metrics`` (``selection_rate``, ``MetricFrame``,
``demographic_parity_difference``/``ratio``, ``equal_opportunity_difference``,
``equalized_odds_difference``) and scikit-learn's ``confusion_matrix``; where fairlearn is not
installed, from pandas ``groupby`` formulas written here. Reweighing, per-group thresholds and
the model card are checked against their formulas, computed here with pandas, and by their
properties (the weighted label rate is equal across groups; each threshold is the largest that
reaches the target). Nothing here uses :mod:`groundup.fairness`.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from groundup.grading.spec import (
    Case,
    Check,
    close_to,
    compare_frames,
    compare_values,
    frame_equal,
    raises,
    satisfies,
)


def _fm() -> Any:
    """``fairlearn.metrics``, or None where fairlearn is not installed."""
    if importlib.util.find_spec("fairlearn") is None:
        return None
    return importlib.import_module("fairlearn.metrics")


def _data(seed: int, n: int = 200, groups: tuple[Any, ...] = ("a", "b", "c"), p: float = 0.4
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Seeded labels, predictions correlated with them, and groups."""
    rng = np.random.default_rng(seed)
    group = rng.choice(np.array(groups), size=n)
    y_true = (rng.random(n) < p).astype(np.int64)
    y_pred = (rng.random(n) < 0.25 + 0.5 * y_true).astype(np.int64)
    return y_true, y_pred, group


def _biased(seed: int, n: int = 400) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two groups; group "B" is selected less often (a bias for the metrics to find)."""
    rng = np.random.default_rng(seed)
    group = np.where(rng.random(n) < 0.4, "B", "A")
    y_true = (rng.random(n) < np.where(group == "A", 0.55, 0.4)).astype(np.int64)
    p_pos = np.where(y_true == 1, np.where(group == "A", 0.85, 0.6), np.where(group == "A", 0.2, 0.08))
    y_pred = (rng.random(n) < p_pos).astype(np.int64)
    return y_true, y_pred, group


def _no_positives(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    y_true, y_pred, group = _data(seed, 120, ("a", "b"))
    return np.where(group == "b", 0, y_true), y_pred, group


# --------------------------------------------------------------------------------------------
# References


def _ref_selection_rate(y_pred: Any) -> float:
    y_pred = np.asarray(y_pred)
    fm = _fm()
    if fm is not None:
        return float(fm.selection_rate(y_pred, y_pred))
    return float(np.mean(y_pred == 1))


def _by_group(y_true: Any, y_pred: Any, group: Any) -> pd.DataFrame:
    """Selection rate, TPR, FPR and confusion counts per group (sorted), index name "group"."""
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    fm = _fm()
    if fm is not None:
        from sklearn.metrics import confusion_matrix

        def counts(yt: Any, yp: Any) -> Any:
            return confusion_matrix(yt, yp, labels=[0, 1]).ravel()

        frame = fm.MetricFrame(
            metrics={"selection_rate": fm.selection_rate, "tpr": fm.true_positive_rate,
                     "fpr": fm.false_positive_rate, "counts": counts},
            y_true=y_true, y_pred=y_pred, sensitive_features=group).by_group
        cm = np.stack(frame["counts"].to_numpy()).astype(np.int64)
        out = pd.DataFrame({"selection_rate": frame["selection_rate"].to_numpy(dtype=float),
                            "tpr": frame["tpr"].to_numpy(dtype=float),
                            "fpr": frame["fpr"].to_numpy(dtype=float)},
                           index=pd.Index(np.asarray(frame.index), name="group"))
    else:
        df = pd.DataFrame({"y": y_true, "p": y_pred, "g": group})
        cells = df.groupby(["g", "y", "p"]).size().unstack(["y", "p"], fill_value=0)
        cells = cells.reindex(columns=pd.MultiIndex.from_product([[0, 1], [0, 1]]), fill_value=0)
        cm = cells.to_numpy().astype(np.int64)  # columns (0,0)=tn, (0,1)=fp, (1,0)=fn, (1,1)=tp
        tn, fp, fn, tp = cm.T
        with np.errstate(invalid="ignore", divide="ignore"):
            tpr = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 0.0)
            fpr = np.where(fp + tn > 0, fp / np.maximum(fp + tn, 1), 0.0)
        out = pd.DataFrame({"selection_rate": (fp + tp) / cm.sum(axis=1), "tpr": tpr, "fpr": fpr},
                           index=pd.Index(np.asarray(cells.index), name="group"))
    for i, col in enumerate(["tn", "fp", "fn", "tp"]):
        out[col] = cm[:, i]
    return out


def _ref_group_rates(y_pred: Any, group: Any) -> pd.Series:
    rates = _by_group(np.asarray(y_pred), y_pred, group)["selection_rate"]
    return rates.rename("selection_rate")


def _ref_dp(kind: str) -> Any:
    def reference(y_pred: Any, group: Any) -> float:
        fm = _fm()
        if fm is not None:
            fn = getattr(fm, f"demographic_parity_{kind}")
            return float(fn(np.asarray(y_pred), np.asarray(y_pred), sensitive_features=group))
        rates = _ref_group_rates(y_pred, group)
        if kind == "difference":
            return float(rates.max() - rates.min())
        return math.nan if rates.max() == 0 else float(rates.min() / rates.max())
    return reference


def _ref_eo(kind: str) -> Any:
    def reference(y_true: Any, y_pred: Any, group: Any) -> float:
        fm = _fm()
        if fm is not None:
            fn = getattr(fm, f"{kind}_difference")
            return float(fn(np.asarray(y_true), np.asarray(y_pred), sensitive_features=group))
        frame = _by_group(y_true, y_pred, group)
        gaps = frame[["tpr", "fpr"]].max() - frame[["tpr", "fpr"]].min()
        return float(gaps["tpr"] if kind == "equal_opportunity" else gaps.max())
    return reference


def _ref_di(y_pred: Any, group: Any, privileged: Any) -> float:
    y_pred, group = pd.Series(np.asarray(y_pred)), np.asarray(group)
    return float(y_pred[group != privileged].mean() / y_pred[group == privileged].mean())


def _ref_confusion(y_true: Any, y_pred: Any, group: Any) -> pd.DataFrame:
    return _by_group(y_true, y_pred, group)[["tn", "fp", "fn", "tp"]]


def _ref_reweighing(y: Any, group: Any) -> np.ndarray:
    df = pd.DataFrame({"g": np.asarray(group), "y": np.asarray(y)})
    n = len(df)
    p_g = df["g"].map(df["g"].value_counts() / n)
    p_y = df["y"].map(df["y"].value_counts() / n)
    p_gy = df.groupby(["g", "y"])["y"].transform("size") / n
    return (p_g * p_y / p_gy).to_numpy(dtype=float)


def _ref_thresholds(scores: Any, y_true: Any, group: Any, target: float = 0.8,
                    metric: str = "tpr") -> pd.Series:
    df = pd.DataFrame({"s": np.asarray(scores, dtype=float), "y": np.asarray(y_true),
                       "g": np.asarray(group)})
    if metric == "tpr":
        df = df[df["y"] == 1]
    out = {}
    for g, part in df.groupby("g"):
        ranked = part["s"].sort_values(ascending=False).to_numpy()
        k = max(1, math.ceil(round(target * len(ranked), 9)))
        out[g] = ranked[k - 1]
    series = pd.Series(out, name="threshold", dtype=float)
    series.index.name = "group"
    return series


# --------------------------------------------------------------------------------------------
# Exercises


def selection_rates() -> list[Check]:
    y_true, y_pred, group = _data(0)
    _, y2, g2 = _data(1, 60, (0, 1))
    _, y3, g3 = _data(2, 500, ("x", "y", "z", "w"))
    return [
        Check("selection rate", [Case(y_pred), Case([1, 0, 1, 1]), Case(np.zeros(5, dtype=int))],
              expect=close_to(_ref_selection_rate), function="selection_rate",
              hint="The fraction of predictions that are 1: count the ones, divide by n."),
        Check("boolean predictions", [Case(np.array([True, False, True, True]))],
              expect=close_to(_ref_selection_rate), function="selection_rate",
              hint="True counts as 1: convert with np.asarray(y_pred).astype(int)."),
        Check("invalid predictions", [Case([]), Case([0, 2, 1]), Case(np.ones((2, 2)))],
              expect=raises(ValueError), function="selection_rate",
              hint="Raise ValueError for an empty array, a 2-D array, or values other than 0/1."),
        Check("rates by group", [Case(y_pred, group), Case(y2, g2), Case([1, 0, 1, 1], ["a", "a", "b", "b"])],
              expect=frame_equal(_ref_group_rates, check_index=True),
              function="group_selection_rates",
              hint="For each sorted group label (np.unique), the selection rate of its samples; "
                   "return pd.Series(rates, index=pd.Index(labels, name='group'), "
                   "name='selection_rate')."),
        Check("lengths differ", [Case([1, 0, 1], ["a", "b"])], expect=raises(ValueError),
              function="group_selection_rates",
              hint="y_pred and group must have one entry per sample: compare the lengths."),
        Check("many groups", [Case(y3, g3)],
              expect=frame_equal(_ref_group_rates, hidden=True), function="group_selection_rates",
              hidden=True, hint="Divide each group's positives by that group's size, not by n."),
    ]


def demographic_parity() -> list[Check]:
    _, y_pred, group = _biased(3)
    _, y2, g2 = _data(4, 90, (0, 1, 2))
    _, y3, g3 = _data(5, 700)
    return [
        Check("difference", [Case(y_pred, group), Case(y2, g2), Case([1, 0, 1, 1], list("aabb"))],
              expect=close_to(_ref_dp("difference"), atol=1e-12),
              function="demographic_parity_difference",
              hint="The highest group selection rate minus the lowest (never negative)."),
        Check("ratio", [Case(y_pred, group), Case(y2, g2), Case([1, 0, 1, 1], list("aabb"))],
              expect=close_to(_ref_dp("ratio")), function="demographic_parity_ratio",
              hint="The lowest group selection rate divided by the highest: in [0, 1]."),
        Check("nobody selected", [Case(np.zeros(6, dtype=int), list("aabbcc"))],
              expect=close_to(_ref_dp("ratio")), function="demographic_parity_ratio",
              hint="With every rate 0 the ratio is 0 / 0: return float('nan'), as fairlearn."),
        Check("parity", [Case([1, 0, 1, 0], list("aabb"))],
              expect=close_to(_ref_dp("difference"), atol=1e-12),
              function="demographic_parity_difference",
              hint="Equal rates give a difference of 0."),
        Check("invalid input", [Case([1, 0, 2], list("abc")), Case([1, 0], ["a"]), Case([], [])],
              expect=raises(ValueError), function="demographic_parity_difference",
              hint="Validate: 0/1 predictions, same length as group, not empty."),
        Check("hidden data", [Case(y3, g3)],
              expect=close_to(_ref_dp("ratio"), hidden=True), function="demographic_parity_ratio",
              hidden=True, hint="min over groups / max over groups, not the other way round."),
        Check("hidden data (difference)", [Case(y3, g3)],
              expect=close_to(_ref_dp("difference"), hidden=True, atol=1e-12),
              function="demographic_parity_difference", hidden=True,
              hint="max minus min over *all* groups, not just the first two."),
    ]


def equalized_odds() -> list[Check]:
    yt, yp, g = _biased(6)
    yt2, yp2, g2 = _data(7, 150, (0, 1, 2))
    yt3, yp3, g3 = _no_positives(8)
    yt4, yp4, g4 = _data(9, 800)
    eo, eod = _ref_eo("equal_opportunity"), _ref_eo("equalized_odds")
    return [
        Check("equal opportunity", [Case(yt, yp, g), Case(yt2, yp2, g2)],
              expect=close_to(eo, atol=1e-12), function="equal_opportunity_difference",
              hint="TPR per group = true positives / actual positives of that group; "
                   "return max - min."),
        Check("equalized odds", [Case(yt, yp, g), Case(yt2, yp2, g2),
                                 Case([0, 1, 0, 1], [1, 1, 0, 1], list("aabb"))],
              expect=close_to(eod, atol=1e-12), function="equalized_odds_difference",
              hint="Two gaps: max - min of the TPRs and max - min of the FPRs; return the larger."),
        Check("a group with no positives", [Case(yt3, yp3, g3)],
              expect=close_to(eo, atol=1e-12), function="equal_opportunity_difference",
              hint="A group without positives has TPR 0 (fairlearn's convention): avoid 0 / 0."),
        Check("a group with no positives (odds)", [Case(yt3, yp3, g3)],
              expect=close_to(eod, atol=1e-12), function="equalized_odds_difference",
              hint="A group without positives has TPR 0; one without negatives has FPR 0."),
        Check("invalid input", [Case([1, 0, 1], [1, 0], list("abc")), Case([1, 2], [1, 0], list("ab"))],
              expect=raises(ValueError), function="equalized_odds_difference",
              hint="Validate lengths and 0/1 values of y_true and y_pred."),
        Check("hidden data", [Case(yt4, yp4, g4)], expect=close_to(eod, atol=1e-12, hidden=True),
              function="equalized_odds_difference", hidden=True,
              hint="FPR = false positives / actual negatives of the group."),
        Check("hidden data (opportunity)", [Case(yt4, yp4, g4)],
              expect=close_to(eo, atol=1e-12, hidden=True), function="equal_opportunity_difference",
              hidden=True, hint="Only the actual positives of each group count for its TPR."),
    ]


def disparate_impact() -> list[Check]:
    _, yp, g = _biased(10)
    _, yp2, g2 = _data(11, 300)
    _, yp3, g3 = _data(12, 100, (0, 1))
    return [
        Check("two groups", [Case(yp, g, "A"), Case([1, 1, 0, 1, 0, 0], list("aaabbb"), "a")],
              expect=close_to(_ref_di),
              hint="Selection rate of everyone outside the privileged group / the privileged "
                   "group's selection rate."),
        Check("privileged has the lower rate", [Case(yp, g, "B")], expect=close_to(_ref_di),
              hint="The ratio can exceed 1: the privileged group is the denominator."),
        Check("three groups", [Case(yp2, g2, "a"), Case(yp2, g2, "c")], expect=close_to(_ref_di),
              hint="Pool every non-privileged sample together (group != privileged)."),
        Check("invalid input",
              [Case([1, 0], ["a", "b"], "z"), Case([0, 1], ["a", "b"], "a"),
               Case([1, 1], ["a", "a"], "a"), Case([1, 0, 1], ["a", "b"], "a")],
              expect=raises(ValueError),
              hint="Raise ValueError when the privileged group is absent, has no positive "
                   "predictions (division by 0), is everyone, or when the lengths differ."),
        Check("integer groups", [Case(yp3, g3, 1), Case(yp3, g3, 0)],
              expect=close_to(_ref_di, hidden=True), hidden=True,
              hint="Compare group == privileged, whatever the labels' type."),
    ]


def group_confusion() -> list[Check]:
    yt, yp, g = _data(13)
    yt2, yp2, g2 = _no_positives(14)
    yt3, yp3, g3 = _data(15, 600, (3, 1, 2))
    return [
        Check("counts per group", [Case(yt, yp, g), Case([0, 1, 1, 1], [0, 1, 0, 1], list("aabb"))],
              expect=frame_equal(_ref_confusion),
              hint="For each sorted group: tn = (y=0, pred=0), fp = (0, 1), fn = (1, 0), "
                   "tp = (1, 1); columns tn, fp, fn, tp, index named 'group', int64 counts."),
        Check("a group without positives", [Case(yt2, yp2, g2)], expect=frame_equal(_ref_confusion),
              hint="Every group gets all four columns, even when a count is 0."),
        Check("invalid input", [Case([0, 1], [0, 1, 1], list("abc")), Case([0, 3], [0, 1], list("ab"))],
              expect=raises(ValueError), hint="Validate the lengths and the 0/1 values."),
        Check("integer groups", [Case(yt3, yp3, g3)], expect=frame_equal(_ref_confusion, hidden=True),
              hidden=True, hint="Sort the group labels (np.unique does)."),
    ]


def _weights_decorrelate(case: Case, value: Any) -> str | None:
    y, group = np.asarray(case.args[0]), np.asarray(case.args[1])
    msg = compare_values(_ref_reweighing(y, group), value, rtol=1e-9, hidden=True, what="weights")
    if msg:
        return msg
    w = np.asarray(value, dtype=float)
    rate = pd.Series(w * y).groupby(group).sum() / pd.Series(w).groupby(group).sum()
    if not np.allclose(rate.to_numpy(), y.mean()):
        return "with your weights the label rate still differs between groups"
    return None


def reweighing() -> list[Check]:
    y, _, g = _biased(16)
    y2, _, g2 = _data(17, 300)
    y3, _, g3 = _data(18, 900, (0, 1, 2, 3), p=0.3)
    return [
        Check("two groups", [Case(y, g), Case([1, 1, 0, 1], ["a", "a", "b", "b"])],
              expect=close_to(_ref_reweighing),
              hint="w = P(G = g) P(Y = y) / P(G = g, Y = y) for each sample's (g, y) cell: "
                   "count n_g, n_y and n_gy, then w = n_g n_y / (n n_gy)."),
        Check("three groups", [Case(y2, g2)], expect=close_to(_ref_reweighing),
              hint="The same formula for every (group, label) cell."),
        Check("invalid input", [Case([0, 1, 2], list("abc")), Case([0, 1], list("abc")), Case([], [])],
              expect=raises(ValueError), hint="Validate 0/1 labels, equal lengths, non-empty."),
        Check("weights make label and group independent", [Case(y3, g3)],
              expect=satisfies(_weights_decorrelate), hidden=True,
              hint="Rare cells (fewer than independence predicts) get weights above 1."),
    ]


def _largest_threshold(case: Case, value: Any) -> str | None:
    args = dict(zip(["scores", "y_true", "group", "target", "metric"], case.args, strict=False))
    args.update(case.kwargs)
    expected = _ref_thresholds(**args)
    msg = compare_frames(expected, value, hidden=True, check_dtype=False)
    if msg:
        return msg
    scores, y, group = (np.asarray(args[k]) for k in ("scores", "y_true", "group"))
    target, metric = args.get("target", 0.8), args.get("metric", "tpr")
    for label, t in value.items():
        mask = (group == label) & ((y == 1) if metric == "tpr" else True)
        if (scores[mask] >= t).mean() < target - 1e-12:
            return f"group {label!r} does not reach the target rate with your threshold"
    return None


def group_thresholds() -> list[Check]:
    rng = np.random.default_rng(19)
    y, _, g = _biased(19, 300)
    scores = rng.random(300) * 0.7 + 0.3 * y - 0.1 * (g == "B")
    y2, _, g2 = _data(20, 500)
    s2 = np.random.default_rng(21).random(500) + 0.4 * y2
    ref = frame_equal(_ref_thresholds, check_dtype=False)
    # 25 per group: 0.28 * 25 is 7.000000000000001 in floating point
    tens = np.random.default_rng(22).permutation(np.linspace(0.0, 1.0, 50))
    ten_groups = np.repeat(np.array(["a", "b"]), 25)
    return [
        Check("equal opportunity (TPR)", [Case([0.9, 0.4, 0.8, 0.3], [1, 1, 1, 1], list("aabb"), 0.5),
                                          Case(scores, y, g, 0.8)],
              expect=ref,
              hint="For each group, sort its *positives'* scores from high to low and take the "
                   "k-th, k = ceil(target * n_positives): predicting score >= it reaches the target."),
        Check("demographic parity (selection rate)",
              [Case(scores, y, g, 0.3, metric="selection_rate"),
               Case(scores, y, g, 0.5, metric="selection_rate")],
              expect=ref, hint="With metric='selection_rate', rank *all* the group's scores."),
        Check("target 1 and awkward targets",
              [Case(scores, y, g, 1.0), Case(tens, np.ones(50, dtype=np.int64), ten_groups, 0.28)],
              expect=ref,
              hint="target = 1 is the lowest positive score; 0.28 * 25 = 7.000000000000001, so "
                   "ceil gives 8: subtract a tiny epsilon before rounding up."),
        Check("invalid input",
              [Case([0.2, 0.4], [1, 1], ["a", "b"], 0.0), Case([0.2, 0.4], [1, 0], ["a", "b"], 0.5),
               Case([0.2, 0.4], [1, 1], ["a", "b"], 0.5, metric="accuracy"),
               Case([0.2, 0.4, 0.5], [1, 1], ["a", "b"], 0.5)],
              expect=raises(ValueError),
              hint="Raise ValueError for target outside (0, 1], an unknown metric, mismatched "
                   "lengths, or a group with no positives when metric='tpr'."),
        Check("the largest threshold that reaches the target",
              [Case(s2, y2, g2, 0.75), Case(s2, y2, g2, 0.42, metric="selection_rate")],
              expect=satisfies(_largest_threshold), hidden=True,
              hint="A lower threshold reaches the target too, but it costs accuracy: take the "
                   "largest one, a score of the group itself."),
    ]


# --------------------------------------------------------------------------------------------
# The model card

_METRIC_NAMES = {
    "demographic parity difference": "demographic_parity_difference",
    "demographic parity ratio": "demographic_parity_ratio",
    "equal opportunity difference": "equal_opportunity_difference",
    "equalized odds difference": "equalized_odds_difference",
    "disparate impact ratio": "disparate_impact_ratio",
}
_SECTIONS = ["Intended use", "Data", "Metrics by group", "Fairness metrics", "Limitations",
             "Mitigation"]
_NUMBER = r"(-?\d+(?:\.\d+)?|nan)"


def _audit(y_true: np.ndarray, y_pred: np.ndarray, group: np.ndarray, privileged: Any
           ) -> dict[str, Any]:
    """An audit dict, as the learner's library makes it, built from the references here."""
    frame = _by_group(y_true, y_pred, group)
    counts = frame[["tn", "fp", "fn", "tp"]].sum(axis=1)
    by_group = pd.DataFrame({
        "n": counts.astype(np.int64),
        "base_rate": (frame["fn"] + frame["tp"]) / counts,
        "selection_rate": frame["selection_rate"], "tpr": frame["tpr"], "fpr": frame["fpr"],
        "accuracy": (frame["tn"] + frame["tp"]) / counts,
    })
    return {
        "by_group": by_group,
        "accuracy": float(np.mean(y_true == y_pred)),
        "selection_rate": _ref_selection_rate(y_pred),
        "demographic_parity_difference": _ref_dp("difference")(y_pred, group),
        "demographic_parity_ratio": _ref_dp("ratio")(y_pred, group),
        "equal_opportunity_difference": _ref_eo("equal_opportunity")(y_true, y_pred, group),
        "equalized_odds_difference": _ref_eo("equalized_odds")(y_true, y_pred, group),
        "disparate_impact_ratio": _ref_di(y_pred, group, privileged),
        "privileged": privileged,
    }


def _section(card: str, title: str) -> str | None:
    match = re.search(rf"^##\s+{re.escape(title)}\s*$(.*?)(?=^#|\Z)", card, flags=re.M | re.S | re.I)
    return match.group(1) if match else None


def _close(found: str, expected: float) -> bool:
    if math.isnan(expected):
        return found == "nan"
    return found != "nan" and abs(float(found) - expected) <= 6e-4


def _card_ok(case: Case, value: Any) -> str | None:
    if not isinstance(value, str):
        return f"model_card should return a str of Markdown, not {type(value).__name__}"
    audit = case.args[0]
    name, use, data, mitigation = case.args[1:5]
    first = value.lstrip().splitlines()[0] if value.strip() else ""
    if first.strip() != f"# Model card: {name}":
        return f"the card should start with the title line '# Model card: {name}'"
    positions = []
    for title in _SECTIONS:
        match = re.search(rf"^##\s+{re.escape(title)}\s*$", value, flags=re.M | re.I)
        if not match:
            return f"the card has no '## {title}' section"
        positions.append(match.start())
    if positions != sorted(positions):
        return f"the sections should come in this order: {', '.join(_SECTIONS)}"
    for title, text in (("Intended use", use), ("Data", data), ("Mitigation", mitigation)):
        if text.strip() not in (_section(value, title) or ""):
            return f"the '## {title}' section should contain the text passed for it"

    table = _section(value, "Metrics by group") or ""
    rows = [line for line in table.splitlines() if line.strip().startswith("|")]
    if len(rows) < 2 or not re.search(r"selection rate.*TPR.*FPR.*accuracy", rows[0], flags=re.I):
        return ("the '## Metrics by group' section needs a table with the header "
                "'| group | n | selection rate | TPR | FPR | accuracy |'")
    body = [r for r in rows[1:] if not re.fullmatch(r"[\s|:-]+", r)]
    by_group = audit["by_group"]
    if len(body) != len(by_group):
        return f"the table should have one row per group ({len(by_group)}), it has {len(body)}"
    for row, (label, expected) in zip(body, by_group.iterrows(), strict=True):
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) != 6:
            return f"the table row {row.strip()!r} should have 6 cells"
        if cells[0] != str(label):
            return f"the table rows should follow the audit's groups: expected {label!r}, found {cells[0]!r}"
        if not re.fullmatch(r"\d+", cells[1]) or int(cells[1]) != int(expected["n"]):
            return f"group {label!r}: the n column should be {int(expected['n'])}"
        for cell, col in zip(cells[2:], ["selection_rate", "tpr", "fpr", "accuracy"], strict=True):
            if not re.fullmatch(_NUMBER, cell) or not _close(cell, float(expected[col])):
                return (f"group {label!r}: the {col.replace('_', ' ')} cell {cell!r} does not match "
                        "the audit (3 decimals)")

    metrics = _section(value, "Fairness metrics") or ""
    for label, key in _METRIC_NAMES.items():
        match = re.search(rf"{label}\s*:\s*{_NUMBER}", metrics, flags=re.I)
        if not match:
            return f"the '## Fairness metrics' section needs a line '- {label}: <value>'"
        if not _close(match.group(1), float(audit[key])):
            return f"the {label} in the card ({match.group(1)}) does not match the audit"

    limits = _section(value, "Limitations") or ""
    rates = by_group["selection_rate"]
    low = rates.idxmin()
    match = re.search(rf"lowest selection rate:\s*group\s+(\S+)\s*\(\s*{_NUMBER}", limits, flags=re.I)
    if not match:
        return "the Limitations need a line '- lowest selection rate: group <label> (<rate>, ...)'"
    if match.group(1) != str(low) or not _close(match.group(2), float(rates[low])):
        return "the Limitations name the wrong group (or rate) as the one selected least often"
    match = re.search(r"four-fifths rule:\s*(passes|fails|undefined)", limits, flags=re.I)
    if not match:
        return "the Limitations need a line '- four-fifths rule: passes (...)' or 'fails (...)'"
    di = float(audit["disparate_impact_ratio"])
    verdict = "undefined" if math.isnan(di) else "fails" if di < 0.8 else "passes"
    if match.group(1).lower() != verdict:
        return (f"the four-fifths rule verdict is wrong: the disparate impact ratio is "
                f"{di:.3f}, so it {verdict}")
    return None


def model_card() -> list[Check]:
    y, p, g = _biased(22, 500)
    audit_ab = _audit(y, p, g, "A")
    y2, p2, g2 = _data(23, 600, ("men", "women", "nonbinary"), p=0.5)
    audit_3 = _audit(y2, p2, g2, "men")
    args = ("loan screener", "Ranking loan applications for human review; not for automatic "
            "refusals.", "biased_loans(500, seed=22): historical decisions.", "Reweighing "
            "(Kamiran & Calders) and per-group thresholds.")
    return [
        Check("card for a biased audit", [Case(audit_ab, *args)], expect=satisfies(_card_ok),
              hint="Follow the docstring's layout: title, six '##' sections in order, a table "
                   "row per group with numbers to 3 decimals, one bullet per metric."),
        Check("missing audit fields", [Case({"accuracy": 0.9}, *args),
                                       Case({"by_group": audit_ab["by_group"]}, *args)],
              expect=raises(ValueError),
              hint="Check that audit_result has 'by_group' and the five metrics; raise "
                   "ValueError naming what is missing."),
        Check("three groups, another audit", [Case(audit_3, "screener v2", "Triage.", "Survey data.",
                                                   "None yet.")],
              expect=satisfies(_card_ok), hidden=True,
              hint="Every number comes from the audit you are given, every group gets a row, and "
                   "the four-fifths verdict follows the disparate impact ratio (< 0.8 fails)."),
    ]
