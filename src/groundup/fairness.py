"""Fairness from scratch: group metrics, an audit, mitigation and a model card.

Phase 5 of the course. Every metric here is what a learner writes in an exercise, and each is
tested against ``fairlearn`` (``tests/reference/test_fairness.py``). The conventions are
fairlearn's: predictions and labels are 0/1, the positive outcome is 1 (a loan approved), a
*group* is the value of a protected attribute (``"A"``, ``"B"``...), and a group with no
positive labels has a true positive rate of 0.

The data set :func:`biased_loans` is generated here, with a bias planted on purpose, so that
an audit has something to find:

- **feature shift**: group B's incomes and credit histories are lower on average (a history
  of unequal opportunity shows up in the features), and ``region`` is a proxy: it tells the
  groups apart, so dropping the ``group`` column does not remove the information;
- **label bias**: the historical decision ``approved`` equals the true ability to repay
  (``qualified``) for group A, but 30 % of *qualified* group-B applicants were refused.

A model trained on ``approved`` learns both. Auditing it against ``qualified`` shows the gap:
qualified B applicants are approved less often than qualified A applicants.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

FEATURES = ["income", "debt_ratio", "credit_years", "region"]
CONFUSION_COLUMNS = ["tn", "fp", "fn", "tp"]
BY_GROUP_COLUMNS = ["n", "base_rate", "selection_rate", "tpr", "fpr", "accuracy"]
FOUR_FIFTHS = 0.8
_EPS = 1e-9  # ceil(0.28 * 25) is 8 in floating point: subtract a hair before rounding up


class Predictor(Protocol):
    def predict(self, X: Any) -> Any: ...


# --------------------------------------------------------------------------------------------
# Validation


def _binary(y: ArrayLike, name: str) -> NDArray[np.int64]:
    """A non-empty 1-D array of 0/1 values, as int64."""
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty")
    if arr.dtype.kind == "b":
        return arr.astype(np.int64)
    if arr.dtype.kind not in "iuf" or not np.all(np.isin(arr, (0, 1))):
        raise ValueError(f"{name} must hold only 0 and 1 (binary outcomes)")
    return arr.astype(np.int64)


def _groups(group: ArrayLike, n: int) -> np.ndarray:
    arr = np.asarray(group)
    if arr.ndim != 1:
        raise ValueError(f"group must be a 1-D array, got shape {arr.shape}")
    if arr.shape[0] != n:
        raise ValueError(f"group has {arr.shape[0]} entries but the predictions have {n}")
    return arr


def _group_index(labels: np.ndarray) -> pd.Index:
    return pd.Index(labels, name="group")


# --------------------------------------------------------------------------------------------
# Selection rates and demographic parity


def selection_rate(y_pred: ArrayLike) -> float:
    r"""The fraction of positive predictions, :math:`P(\hat y = 1)`.

    Parameters
    ----------
    y_pred : array_like of 0/1, shape (n_samples,)

    Returns
    -------
    float in [0, 1]

    Raises
    ------
    ValueError
        If ``y_pred`` is empty, not 1-D, or holds values other than 0 and 1.

    Examples
    --------
    >>> selection_rate([1, 0, 1, 1])
    0.75
    """
    y_pred = _binary(y_pred, "y_pred")
    return float(y_pred.sum() / y_pred.size)


def group_selection_rates(y_pred: ArrayLike, group: ArrayLike) -> pd.Series:
    r"""The selection rate of each group, :math:`P(\hat y = 1 \mid G = g)`.

    Like fairlearn's ``MetricFrame(metrics=selection_rate, ...).by_group``.

    Parameters
    ----------
    y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)
        The protected attribute of each sample.

    Returns
    -------
    pandas.Series
        Named ``"selection_rate"``, indexed by the sorted group labels (index name ``"group"``).

    Examples
    --------
    >>> group_selection_rates([1, 0, 1, 1], ["a", "a", "b", "b"]).tolist()
    [0.5, 1.0]
    """
    y_pred = _binary(y_pred, "y_pred")
    group = _groups(group, y_pred.size)
    labels, inverse = np.unique(group, return_inverse=True)
    counts = np.bincount(inverse, minlength=labels.size)
    positives = np.bincount(inverse, weights=y_pred, minlength=labels.size)
    return pd.Series(positives / counts, index=_group_index(labels), name="selection_rate")


def demographic_parity_difference(y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The largest gap in selection rates between two groups.

    .. math:: \max_g P(\hat y = 1 \mid g) - \min_g P(\hat y = 1 \mid g)

    0 means every group is selected at the same rate (demographic parity).

    Examples
    --------
    >>> demographic_parity_difference([1, 0, 1, 1], ["a", "a", "b", "b"])
    0.5
    """
    rates = group_selection_rates(y_pred, group).to_numpy()
    return float(rates.max() - rates.min())


def demographic_parity_ratio(y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The smallest selection rate divided by the largest, in [0, 1].

    .. math:: \frac{\min_g P(\hat y = 1 \mid g)}{\max_g P(\hat y = 1 \mid g)}

    1 means parity. When no group is selected at all the ratio is 0/0: ``nan``, as fairlearn.

    Examples
    --------
    >>> demographic_parity_ratio([1, 0, 1, 1], ["a", "a", "b", "b"])
    0.5
    """
    rates = group_selection_rates(y_pred, group).to_numpy()
    if rates.max() == 0:
        return math.nan
    return float(rates.min() / rates.max())


def disparate_impact_ratio(y_pred: ArrayLike, group: ArrayLike, privileged: Any) -> float:
    r"""The selection rate of everyone outside the privileged group over the privileged one's.

    .. math:: \mathrm{DI} = \frac{P(\hat y = 1 \mid G \ne p)}{P(\hat y = 1 \mid G = p)}

    The *four-fifths rule* of US employment law flags a ratio below 0.8. The non-privileged
    samples are pooled, whatever their groups.

    Parameters
    ----------
    y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)
    privileged : a group label that occurs in ``group``

    Raises
    ------
    ValueError
        If ``privileged`` is not a group, if every sample is privileged, or if the privileged
        group has no positive predictions (the ratio would divide by 0).

    Examples
    --------
    >>> disparate_impact_ratio([1, 1, 0, 1, 0, 0], list("aaabbb"), privileged="a")
    0.5
    """
    y_pred = _binary(y_pred, "y_pred")
    group = _groups(group, y_pred.size)
    is_priv = group == privileged
    if not is_priv.any():
        raise ValueError(f"privileged={privileged!r} does not occur in group")
    if is_priv.all():
        raise ValueError("every sample is in the privileged group: nothing to compare with")
    priv_rate = y_pred[is_priv].mean()
    if priv_rate == 0:
        raise ValueError("the privileged group has no positive predictions: the ratio is undefined")
    return float(y_pred[~is_priv].mean() / priv_rate)


# --------------------------------------------------------------------------------------------
# Error-rate metrics


def group_confusion_matrices(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike) -> pd.DataFrame:
    """The confusion-matrix counts of each group.

    Parameters
    ----------
    y_true, y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)

    Returns
    -------
    pandas.DataFrame
        One row per group (sorted labels, index name ``"group"``), int64 columns ``tn``, ``fp``,
        ``fn``, ``tp`` (scikit-learn's ``confusion_matrix(..., labels=[0, 1]).ravel()`` order).
        A group without positives (or negatives) still has all four columns.

    Examples
    --------
    >>> group_confusion_matrices([0, 1, 1, 1], [0, 1, 0, 1], ["a", "a", "b", "b"]).to_numpy()
    array([[1, 0, 0, 1],
           [0, 0, 1, 1]])
    """
    y_true, y_pred = _binary(y_true, "y_true"), _binary(y_pred, "y_pred")
    if y_true.size != y_pred.size:
        raise ValueError(f"y_true has {y_true.size} entries but y_pred has {y_pred.size}")
    group = _groups(group, y_true.size)
    labels, inverse = np.unique(group, return_inverse=True)
    cell = 2 * y_true + y_pred  # 0 = tn, 1 = fp, 2 = fn, 3 = tp
    counts = np.zeros((labels.size, 4), dtype=np.int64)
    np.add.at(counts, (inverse, cell), 1)
    return pd.DataFrame(counts, index=_group_index(labels), columns=CONFUSION_COLUMNS)


def _rates(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike) -> pd.DataFrame:
    """Per-group true and false positive rates (0 where a group has no positives/negatives)."""
    cm = group_confusion_matrices(y_true, y_pred, group)
    pos, neg = cm["tp"] + cm["fn"], cm["tn"] + cm["fp"]
    tpr = np.where(pos > 0, cm["tp"] / pos.where(pos > 0, 1), 0.0)
    fpr = np.where(neg > 0, cm["fp"] / neg.where(neg > 0, 1), 0.0)
    return pd.DataFrame({"tpr": tpr, "fpr": fpr}, index=cm.index)


def equal_opportunity_difference(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The largest gap in true positive rates between groups.

    .. math:: \max_g \mathrm{TPR}_g - \min_g \mathrm{TPR}_g, \qquad
              \mathrm{TPR}_g = P(\hat y = 1 \mid y = 1, G = g)

    Among the people who *deserve* the positive outcome, how much more often one group gets it.
    A group with no positives has TPR 0 (fairlearn's convention).

    Examples
    --------
    >>> equal_opportunity_difference([1, 1, 1, 1], [1, 1, 1, 0], ["a", "a", "b", "b"])
    0.5
    """
    tpr = _rates(y_true, y_pred, group)["tpr"].to_numpy()
    return float(tpr.max() - tpr.min())


def equalized_odds_difference(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The larger of the TPR gap and the FPR gap between groups (fairlearn's definition).

    .. math:: \max\Big(\max_g \mathrm{TPR}_g - \min_g \mathrm{TPR}_g,\;
              \max_g \mathrm{FPR}_g - \min_g \mathrm{FPR}_g\Big)

    Examples
    --------
    >>> equalized_odds_difference([0, 1, 0, 1], [1, 1, 0, 1], ["a", "a", "b", "b"])
    1.0
    """
    rates = _rates(y_true, y_pred, group)
    gaps = rates.max() - rates.min()
    return float(gaps.max())


# --------------------------------------------------------------------------------------------
# The data set with a planted bias


def biased_loans(n: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Loan applications with a bias planted on purpose (see the module docstring).

    Columns: ``income`` (thousands), ``debt_ratio``, ``credit_years``, ``region`` (0-4, a proxy
    for the group), ``group`` (``"A"`` for 60 %, ``"B"`` for 40 %), ``qualified`` (1 if the
    applicant can repay: the unbiased truth) and ``approved`` (the historical, biased decision:
    30 % of qualified B applicants were refused).

    Parameters
    ----------
    n : int, >= 10
    seed : int

    Examples
    --------
    >>> df = biased_loans(1000, seed=0)
    >>> bool(df.groupby("group")["approved"].mean().diff().iloc[-1] < 0)
    True
    """
    if int(n) != n or n < 10:
        raise ValueError(f"n must be a whole number >= 10, got {n!r}")
    n = int(n)
    rng = np.random.default_rng(seed)
    is_b = rng.random(n) < 0.4
    income = np.where(is_b, rng.normal(45.0, 15.0, n), rng.normal(55.0, 15.0, n)).clip(10.0, None)
    debt_ratio = rng.uniform(0.05, 0.6, n)
    credit_years = np.where(is_b, rng.poisson(6, n), rng.poisson(8, n)).astype(np.int64)
    # region: groups live in different places (0-2 mostly A, 3-4 mostly B): a proxy feature
    region = np.where(is_b, rng.choice(5, n, p=[0.05, 0.1, 0.15, 0.35, 0.35]),
                      rng.choice(5, n, p=[0.3, 0.3, 0.2, 0.1, 0.1])).astype(np.int64)
    ability = (0.06 * (income - 50.0) - 5.0 * (debt_ratio - 0.3) + 0.15 * (credit_years - 7)
               + rng.normal(0.0, 0.6, n))
    qualified = (ability > 0).astype(np.int64)
    refused = is_b & (qualified == 1) & (rng.random(n) < 0.3)  # the label bias
    approved = np.where(refused, 0, qualified).astype(np.int64)
    return pd.DataFrame({
        "income": income.round(1), "debt_ratio": debt_ratio.round(3), "credit_years": credit_years,
        "region": region, "group": np.where(is_b, "B", "A"), "qualified": qualified,
        "approved": approved,
    })


# --------------------------------------------------------------------------------------------
# The audit


def audit_predictions(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike,
                      privileged: Any = None) -> dict[str, Any]:
    """Every fairness metric of this module, from predictions.

    Parameters
    ----------
    y_true, y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)
    privileged : group label, optional
        The reference group of the disparate impact ratio; default: the group with the highest
        selection rate.

    Returns
    -------
    dict
        ``by_group`` (DataFrame indexed by group with columns ``n``, ``base_rate``,
        ``selection_rate``, ``tpr``, ``fpr``, ``accuracy``), ``accuracy``, ``selection_rate``,
        ``demographic_parity_difference``, ``demographic_parity_ratio``,
        ``equal_opportunity_difference``, ``equalized_odds_difference``,
        ``disparate_impact_ratio`` (nan when undefined) and ``privileged``.
    """
    y_true, y_pred = _binary(y_true, "y_true"), _binary(y_pred, "y_pred")
    cm = group_confusion_matrices(y_true, y_pred, group)
    rates = _rates(y_true, y_pred, group)
    n_g = cm.sum(axis=1)
    by_group = pd.DataFrame({
        "n": n_g.astype(np.int64),
        "base_rate": (cm["fn"] + cm["tp"]) / n_g,
        "selection_rate": (cm["fp"] + cm["tp"]) / n_g,
        "tpr": rates["tpr"], "fpr": rates["fpr"],
        "accuracy": (cm["tn"] + cm["tp"]) / n_g,
    })
    if privileged is None:
        privileged = by_group["selection_rate"].idxmax()
    try:
        di = disparate_impact_ratio(y_pred, group, privileged)
    except ValueError:
        di = math.nan
    privileged = privileged.item() if isinstance(privileged, np.generic) else privileged
    return {
        "by_group": by_group,
        "accuracy": float((y_true == y_pred).mean()),
        "selection_rate": selection_rate(y_pred),
        "demographic_parity_difference": demographic_parity_difference(y_pred, group),
        "demographic_parity_ratio": demographic_parity_ratio(y_pred, group),
        "equal_opportunity_difference": equal_opportunity_difference(y_true, y_pred, group),
        "equalized_odds_difference": equalized_odds_difference(y_true, y_pred, group),
        "disparate_impact_ratio": di,
        "privileged": privileged,
    }


def audit(model: Predictor, X: Any, y_true: ArrayLike, group: ArrayLike,
          privileged: Any = None) -> dict[str, Any]:
    """Audit a fitted classifier: :func:`audit_predictions` of ``model.predict(X)``.

    Audit against the labels you trust: for :func:`biased_loans`, ``qualified`` shows what the
    historical ``approved`` labels hide.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> df = biased_loans(2000, seed=0)
    >>> model = LogisticRegression(max_iter=1000).fit(df[FEATURES], df["approved"])
    >>> result = audit(model, df[FEATURES], df["qualified"], df["group"])
    >>> result["equal_opportunity_difference"] > 0.1
    True
    """
    y_pred = np.asarray(model.predict(X))
    return audit_predictions(y_true, y_pred, group, privileged)


# --------------------------------------------------------------------------------------------
# Mitigation


def reweighing(y: ArrayLike, group: ArrayLike) -> NDArray[np.float64]:
    r"""Kamiran & Calders' reweighing: sample weights that make label and group independent.

    .. math:: w_i = \frac{P(G = g_i)\,P(Y = y_i)}{P(G = g_i, Y = y_i)}
              = \frac{n_{g_i}\, n_{y_i}}{n\, n_{g_i y_i}}

    Cells that are rarer than independence predicts (qualified applicants of a disadvantaged
    group) get weights above 1. Training with these weights removes the correlation between
    the group and the label from the training data.

    Parameters
    ----------
    y : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)

    Returns
    -------
    ndarray, shape (n_samples,); the weights sum to ``n_samples``.

    Examples
    --------
    >>> reweighing([1, 1, 0, 1], ["a", "a", "b", "b"]).round(3).tolist()
    [0.75, 0.75, 0.5, 1.5]
    """
    y = _binary(y, "y")
    group = _groups(group, y.size)
    _, g = np.unique(group, return_inverse=True)
    n = y.size
    n_g = np.bincount(g)
    n_y = np.bincount(y, minlength=2)
    n_gy = np.zeros((n_g.size, 2))
    np.add.at(n_gy, (g, y), 1)
    return n_g[g] * n_y[y] / (n * n_gy[g, y])


def group_thresholds(scores: ArrayLike, y_true: ArrayLike, group: ArrayLike, target: float = 0.8,
                     metric: str = "tpr") -> pd.Series:
    r"""One decision threshold per group, so that every group reaches the same rate.

    A sample is predicted positive when ``score >= threshold``. For ``metric="tpr"`` (equal
    opportunity) the threshold of group :math:`g` is the :math:`k`-th largest score among the
    group's *positives*, :math:`k = \lceil \text{target} \cdot n^{+}_g \rceil`: the largest
    threshold whose true positive rate reaches ``target``. For ``metric="selection_rate"``
    (demographic parity) the same, among *all* the group's samples.

    Parameters
    ----------
    scores : array_like of float, shape (n_samples,)
    y_true : array_like of 0/1, shape (n_samples,) (ignored by ``"selection_rate"`` but
        validated)
    group : array_like, shape (n_samples,)
    target : float in (0, 1]
    metric : ``"tpr"`` or ``"selection_rate"``

    Returns
    -------
    pandas.Series
        Named ``"threshold"``, indexed by the sorted group labels (index name ``"group"``).

    Raises
    ------
    ValueError
        On a bad ``target`` or ``metric``, mismatched lengths, or (``"tpr"``) a group with no
        positives.

    Examples
    --------
    >>> group_thresholds([0.9, 0.4, 0.8, 0.3], [1, 1, 1, 1], list("aabb"), target=0.5).tolist()
    [0.9, 0.8]
    """
    scores = np.asarray(scores, dtype=float)
    y_true = _binary(y_true, "y_true")
    if scores.shape != y_true.shape:
        raise ValueError(f"scores has shape {scores.shape} but y_true has {y_true.shape}")
    group = _groups(group, y_true.size)
    if not 0.0 < float(target) <= 1.0:
        raise ValueError(f"target must be in (0, 1], got {target!r}")
    if metric not in ("tpr", "selection_rate"):
        raise ValueError(f"metric must be 'tpr' or 'selection_rate', got {metric!r}")
    labels = np.unique(group)
    thresholds = np.empty(labels.size)
    for i, label in enumerate(labels):
        mask = group == label
        if metric == "tpr":
            mask &= y_true == 1
            if not mask.any():
                raise ValueError(f"group {label!r} has no positives: its TPR is undefined")
        ranked = np.sort(scores[mask])[::-1]
        k = max(1, math.ceil(float(target) * ranked.size - _EPS))
        thresholds[i] = ranked[k - 1]
    return pd.Series(thresholds, index=_group_index(labels), name="threshold")


def apply_group_thresholds(scores: ArrayLike, group: ArrayLike,
                           thresholds: pd.Series) -> NDArray[np.int64]:
    """0/1 predictions: ``score >= thresholds[group]`` sample by sample."""
    scores = np.asarray(scores, dtype=float)
    group = _groups(group, scores.size)
    missing = set(np.unique(group).tolist()) - set(thresholds.index.tolist())
    if missing:
        raise ValueError(f"no threshold for group(s) {sorted(missing, key=str)}")
    t = thresholds.reindex(group).to_numpy(dtype=float)
    return (scores >= t).astype(np.int64)


def tradeoff_curve(scores: ArrayLike, y_true: ArrayLike, group: ArrayLike,
                   alphas: Sequence[float] | None = None, threshold: float = 0.5) -> pd.DataFrame:
    r"""Accuracy against fairness as the decision moves from one threshold to group thresholds.

    At :math:`\alpha = 0` everyone faces the same ``threshold``; at :math:`\alpha = 1` each
    group has the threshold :math:`t^*_g` that gives it the overall selection rate
    (:func:`group_thresholds` with ``metric="selection_rate"``); in between,
    :math:`t_g(\alpha) = (1 - \alpha)\,t + \alpha\, t^*_g`.

    Returns
    -------
    pandas.DataFrame
        Columns ``alpha``, ``accuracy``, ``demographic_parity_difference``,
        ``equalized_odds_difference``, one row per alpha (default ``linspace(0, 1, 11)``).
    """
    scores = np.asarray(scores, dtype=float)
    y_true = _binary(y_true, "y_true")
    group = _groups(group, y_true.size)
    alphas_arr = np.linspace(0.0, 1.0, 11) if alphas is None else np.asarray(alphas, dtype=float)
    target = float((scores >= threshold).mean())
    if target == 0.0:
        raise ValueError("no score reaches the threshold: nothing to equalise")
    fair = group_thresholds(scores, y_true, group, target=target, metric="selection_rate")
    rows = []
    for alpha in alphas_arr:
        t = (1.0 - alpha) * threshold + alpha * fair
        y_pred = apply_group_thresholds(scores, group, t)
        rows.append({"alpha": float(alpha), "accuracy": float((y_pred == y_true).mean()),
                     "demographic_parity_difference": demographic_parity_difference(y_pred, group),
                     "equalized_odds_difference": equalized_odds_difference(y_true, y_pred, group)})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# The model card

_CARD_METRICS = [
    ("demographic parity difference", "demographic_parity_difference"),
    ("demographic parity ratio", "demographic_parity_ratio"),
    ("equal opportunity difference", "equal_opportunity_difference"),
    ("equalized odds difference", "equalized_odds_difference"),
    ("disparate impact ratio", "disparate_impact_ratio"),
]


def model_card(audit_result: dict[str, Any], model_name: str, intended_use: str,
               data_description: str, mitigation: str) -> str:
    r"""A Markdown model card written from an audit (Mitchell et al., 2019, shortened).

    Sections, in this order: ``# Model card: <model_name>``, ``## Intended use``, ``## Data``,
    ``## Metrics by group`` (a table ``| group | n | selection rate | TPR | FPR | accuracy |``,
    one row per group, numbers to 3 decimals), ``## Fairness metrics`` (one bullet per metric,
    ``- demographic parity difference: 0.214``, then ratio, equal opportunity difference,
    equalized odds difference, disparate impact ratio), ``## Limitations`` (bullets
    ``- lowest selection rate: group B (0.312, vs 0.505 for group A)`` naming the lowest and
    the highest group, and ``- four-fifths rule: fails (disparate impact ratio 0.618 < 0.8)``
    or ``passes (...  >= 0.8)``), ``## Mitigation``.

    Parameters
    ----------
    audit_result : dict
        As returned by :func:`audit`: ``by_group`` (DataFrame with columns ``n``,
        ``selection_rate``, ``tpr``, ``fpr``, ``accuracy``) and the five metrics.
    model_name, intended_use, data_description, mitigation : str
        Free text for their sections.

    Raises
    ------
    ValueError
        If ``audit_result`` lacks ``by_group`` or one of the metrics.
    """
    missing = [key for key in ["by_group", *(k for _, k in _CARD_METRICS)] if key not in audit_result]
    if missing:
        raise ValueError(f"audit_result is missing {missing}")
    by_group = audit_result["by_group"]
    columns = ["n", "selection_rate", "tpr", "fpr", "accuracy"]
    if not isinstance(by_group, pd.DataFrame) or any(c not in by_group.columns for c in columns):
        raise ValueError(f"audit_result['by_group'] must be a DataFrame with columns {columns}")
    lines = [f"# Model card: {model_name}", "", "## Intended use", "", intended_use, "",
             "## Data", "", data_description, "", "## Metrics by group", "",
             "| group | n | selection rate | TPR | FPR | accuracy |",
             "|---|---|---|---|---|---|"]
    for label, row in by_group.iterrows():
        lines.append(f"| {label} | {int(row['n'])} | {row['selection_rate']:.3f} | "
                     f"{row['tpr']:.3f} | {row['fpr']:.3f} | {row['accuracy']:.3f} |")
    lines += ["", "## Fairness metrics", ""]
    lines += [f"- {name}: {float(audit_result[key]):.3f}" for name, key in _CARD_METRICS]
    rates = by_group["selection_rate"]
    low, high = rates.idxmin(), rates.idxmax()
    di = float(audit_result["disparate_impact_ratio"])
    if math.isnan(di):
        verdict = "undefined (no positive predictions in the privileged group)"
    elif di < FOUR_FIFTHS:
        verdict = f"fails (disparate impact ratio {di:.3f} < {FOUR_FIFTHS})"
    else:
        verdict = f"passes (disparate impact ratio {di:.3f} >= {FOUR_FIFTHS})"
    lines += ["", "## Limitations", "",
              f"- lowest selection rate: group {low} ({rates[low]:.3f}, vs {rates[high]:.3f} "
              f"for group {high})",
              f"- four-fifths rule: {verdict}",
              "- the metrics are measured on the audit data only; they say nothing about groups "
              "or conditions it does not contain.",
              "", "## Mitigation", "", mitigation, ""]
    return "\n".join(lines)
