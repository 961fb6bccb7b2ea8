"""Evaluation metrics, written from their definitions, with scikit-learn's signatures.

Classification metrics all start from counting: how often a true label ``a`` was predicted as
``b`` (the confusion matrix). Precision, recall and F1 are ratios of those counts; the ROC
curve sweeps a threshold over scores and counts again at every threshold; the area under it
is the probability that a random positive scores above a random negative. Regression metrics
average squared errors.

Every function matches :mod:`sklearn.metrics` on the same input (tested on many seeded random
inputs in ``tests/reference/test_ml_metrics.py``), including ``zero_division``, ``labels``,
``pos_label``, ``average`` and ``sample_weight`` where scikit-learn has them. Only NumPy is
used: the exercises' reference solutions live here.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "UndefinedMetricWarning",
    "accuracy_score",
    "confusion_matrix",
    "f1_score",
    "fbeta_score",
    "mean_squared_error",
    "precision_recall_f1",
    "precision_recall_fscore_support",
    "precision_score",
    "r2_score",
    "recall_score",
    "roc_auc_score",
    "roc_curve",
]

AVERAGES = ("binary", "micro", "macro", "weighted", None)


class UndefinedMetricWarning(UserWarning):
    """A metric is ill-defined (a 0 / 0) and was replaced by ``zero_division``."""


# --------------------------------------------------------------------------------------------
# Input checking

def _column(y: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(y)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr.ravel()  # a column vector, as scikit-learn accepts it
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels, got shape {arr.shape}")
    return arr


def _is_continuous(y: np.ndarray) -> bool:
    return y.dtype.kind == "f" and y.size > 0 and bool(np.any(y != np.round(y)))


def _check_targets(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Two 1-D label arrays of the same, non-zero length, both discrete, both str or numbers."""
    t, p = _column(y_true, "y_true"), _column(y_pred, "y_pred")
    if t.shape[0] != p.shape[0]:
        raise ValueError(f"y_true and y_pred have different lengths: {t.shape[0]} and {p.shape[0]}")
    if t.shape[0] == 0:
        raise ValueError("y_true and y_pred are empty: there is nothing to score")
    if _is_continuous(t) or _is_continuous(p):
        raise ValueError("classification metrics need discrete labels, not continuous values")
    if (t.dtype.kind in "USO") != (p.dtype.kind in "USO"):
        raise ValueError("y_true and y_pred mix string and number labels")
    return t, p


def _weights(sample_weight: ArrayLike | None, n: int) -> np.ndarray | None:
    if sample_weight is None:
        return None
    w = np.asarray(sample_weight, dtype=float)
    if w.shape != (n,):
        raise ValueError(f"sample_weight must have shape ({n},), got {w.shape}")
    return w


def _label_index(values: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The position of each value in ``labels`` (any order), or -1 when it is not there."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    pos = np.minimum(np.searchsorted(sorted_labels, values), len(labels) - 1)
    return np.where(sorted_labels[pos] == values, order[pos], -1)


def _unique_labels(*ys: np.ndarray) -> np.ndarray:
    return np.unique(np.concatenate(ys))


# --------------------------------------------------------------------------------------------
# Counting

def accuracy_score(y_true: ArrayLike, y_pred: ArrayLike, *, normalize: bool = True,
                   sample_weight: ArrayLike | None = None) -> float:
    r"""The fraction (or, with ``normalize=False``, the number) of correct predictions.

    .. math:: \text{accuracy} = \frac{1}{n}\sum_{i=1}^n [\hat y_i = y_i]

    Examples
    --------
    >>> accuracy_score([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    t, p = _check_targets(y_true, y_pred)
    w = _weights(sample_weight, t.shape[0])
    correct = (t == p).astype(float)
    if w is None:
        return float(correct.mean()) if normalize else float(correct.sum())
    return float((correct * w).sum() / w.sum()) if normalize else float((correct * w).sum())


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
                     sample_weight: ArrayLike | None = None,
                     normalize: str | None = None) -> np.ndarray:
    r"""Count how often each true class (row) was predicted as each class (column).

    .. math:: C_{ab} = \#\{i : y_i = a,\ \hat y_i = b\}

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
    labels : array_like, shape (n_classes,), optional
        The classes, in the order of the rows and columns; samples whose labels are not in
        ``labels`` are ignored. Default: every label in ``y_true`` or ``y_pred``, sorted.
    sample_weight : array_like, shape (n_samples,), optional
    normalize : {"true", "pred", "all"}, optional
        Divide by each row's sum (recall per class on the diagonal), each column's sum
        (precision per class), or the total.

    Returns
    -------
    ndarray, shape (n_classes, n_classes)
        Integer counts (floats with weights or ``normalize``).

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    """
    t, p = _check_targets(y_true, y_pred)
    if normalize not in ("true", "pred", "all", None):
        raise ValueError(f"normalize must be 'true', 'pred', 'all' or None, got {normalize!r}")
    if labels is None:
        classes = _unique_labels(t, p)
    else:
        classes = np.asarray(labels)
        if classes.ndim != 1 or classes.size == 0:
            raise ValueError("labels must be a non-empty 1-D list of classes")
        if np.unique(classes).size != classes.size:
            raise ValueError("labels must not contain duplicates")
        if not np.isin(t, classes).any():
            raise ValueError("at least one of the labels must be in y_true")
    k = classes.size
    w = _weights(sample_weight, t.shape[0])
    i, j = _label_index(t, classes), _label_index(p, classes)
    keep = (i >= 0) & (j >= 0)
    flat = i[keep] * k + j[keep]  # (row, column) as one index into the k * k counts
    if w is None:
        cm = np.bincount(flat, minlength=k * k).astype(np.int64).reshape(k, k)
    else:
        cm = np.bincount(flat, weights=w[keep], minlength=k * k).reshape(k, k)
    if normalize is None:
        return cm
    with np.errstate(divide="ignore", invalid="ignore"):
        if normalize == "true":
            out = cm / cm.sum(axis=1, keepdims=True)
        elif normalize == "pred":
            out = cm / cm.sum(axis=0, keepdims=True)
        else:
            out = cm / cm.sum()
    return np.nan_to_num(out)


def _zero_division_value(zero_division: Any) -> float:
    if isinstance(zero_division, str):
        if zero_division != "warn":
            raise ValueError(f"zero_division must be 'warn', 0, 1 or np.nan, got {zero_division!r}")
        return 0.0
    if zero_division in (0, 1):
        return float(zero_division)
    if isinstance(zero_division, float) and np.isnan(zero_division):
        return float("nan")
    raise ValueError(f"zero_division must be 'warn', 0, 1 or np.nan, got {zero_division!r}")


def _divide(num: np.ndarray, den: np.ndarray, zero_division: Any, what: str) -> np.ndarray:
    """num / den, with ``zero_division`` where den is 0 (and a warning for "warn")."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    zero = den == 0
    out = num / np.where(zero, 1.0, den)
    if zero.any():
        out[zero] = _zero_division_value(zero_division)
        if isinstance(zero_division, str):
            warnings.warn(f"{what} is ill-defined and set to 0.0 where there are no samples to "
                          "divide by; use the zero_division parameter to control this",
                          UndefinedMetricWarning, stacklevel=3)
    return out


def precision_recall_f1(y_true: ArrayLike, y_pred: ArrayLike,
                        pos_label: Any = 1) -> tuple[float, float, float]:
    r"""Binary precision, recall and F1 for the class ``pos_label`` (0 where undefined).

    With :math:`TP, FP, FN` the true positives, false positives and false negatives:

    .. math::
        P = \frac{TP}{TP + FP}, \quad R = \frac{TP}{TP + FN}, \quad
        F_1 = \frac{2PR}{P + R} = \frac{2\,TP}{2\,TP + FP + FN}

    A ratio whose denominator is 0 is 0 (scikit-learn's ``zero_division=0``).

    Raises
    ------
    ValueError
        If the inputs have different lengths, or hold more than two labels, or two labels
        neither of which is ``pos_label``.

    Examples
    --------
    >>> precision_recall_f1([0, 1, 1, 1], [1, 1, 0, 1])
    (0.6666666666666666, 0.6666666666666666, 0.6666666666666666)
    """
    t, p = _check_targets(y_true, y_pred)
    present = _unique_labels(t, p)
    if present.size > 2:
        raise ValueError(f"binary metrics need at most two labels, found {present.size}: "
                         "use average='macro', 'micro' or 'weighted' for more classes")
    if present.size == 2 and pos_label not in present:
        raise ValueError(f"pos_label={pos_label!r} is not one of the labels {present.tolist()}")
    is_true, is_pred = t == pos_label, p == pos_label
    tp = float(np.sum(is_true & is_pred))
    fp = float(np.sum(~is_true & is_pred))
    fn = float(np.sum(is_true & ~is_pred))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn > 0 else 0.0
    return precision, recall, f1


def precision_recall_fscore_support(
    y_true: ArrayLike, y_pred: ArrayLike, *, beta: float = 1.0,
    labels: ArrayLike | None = None, pos_label: Any = 1, average: str | None = None,
    sample_weight: ArrayLike | None = None, zero_division: Any = "warn",
) -> tuple[Any, Any, Any, Any]:
    r"""Precision, recall, :math:`F_\beta` and support (true count) per class, or averaged.

    Per class :math:`k`, from the counts :math:`TP_k`, predicted :math:`\hat N_k` and true
    :math:`N_k`:

    .. math::
        P_k = \frac{TP_k}{\hat N_k}, \quad R_k = \frac{TP_k}{N_k}, \quad
        F_{\beta,k} = \frac{(1+\beta^2)\,TP_k}{\beta^2 N_k + \hat N_k}

    ``average``: ``"binary"`` reports ``pos_label`` only; ``"micro"`` pools the counts of all
    classes before dividing; ``"macro"`` is the plain mean of the per-class scores;
    ``"weighted"`` weights them by :math:`N_k`; ``None`` returns the per-class arrays. A
    0 / 0 becomes ``zero_division`` (``"warn"``: 0 with an :class:`UndefinedMetricWarning`).
    """
    if average not in AVERAGES:
        raise ValueError(f"average must be one of {AVERAGES}, got {average!r}")
    if beta < 0:
        raise ValueError(f"beta must be >= 0, got {beta}")
    _zero_division_value(zero_division)  # validate it early
    t, p = _check_targets(y_true, y_pred)
    w = _weights(sample_weight, t.shape[0])
    present = _unique_labels(t, p)
    if average == "binary":
        if present.size > 2:
            raise ValueError("Target is multiclass but average='binary'; choose average="
                             "'micro', 'macro', 'weighted' or None")
        if pos_label not in present and present.size >= 2:
            raise ValueError(f"pos_label={pos_label!r} is not a valid label: it should be one "
                             f"of {present.tolist()}")
        classes = np.asarray([pos_label])
    elif labels is None:
        classes = present
    else:
        classes = np.asarray(labels)
        if classes.ndim != 1 or classes.size == 0:
            raise ValueError("labels must be a non-empty 1-D list of classes")

    weights = np.ones(t.shape[0]) if w is None else w
    ti, pi = _label_index(t, classes), _label_index(p, classes)
    k = classes.size
    hit = (ti == pi) & (ti >= 0)
    tp_sum = np.bincount(ti[hit], weights=weights[hit], minlength=k)
    pred_sum = np.bincount(pi[pi >= 0], weights=weights[pi >= 0], minlength=k)
    true_sum = np.bincount(ti[ti >= 0], weights=weights[ti >= 0], minlength=k)
    if average == "micro":
        tp_sum, pred_sum, true_sum = (np.array([s.sum()]) for s in (tp_sum, pred_sum, true_sum))

    precision = _divide(tp_sum, pred_sum, zero_division, "Precision")
    recall = _divide(tp_sum, true_sum, zero_division, "Recall")
    if np.isposinf(beta):
        f_score = recall
    elif beta == 0:
        f_score = precision
    else:
        b2 = beta * beta
        # (1 + b2) P R / (b2 P + R), written with counts so that P = 0 or R = 0 cause no 0 / 0.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UndefinedMetricWarning)
            f_score = _divide((1 + b2) * tp_sum, b2 * true_sum + pred_sum, zero_division, "F")

    if average is None:
        support = true_sum if w is not None else true_sum.astype(np.int64)
        return precision, recall, f_score, support
    avg_weights = true_sum if average == "weighted" else None
    return (_nanaverage(precision, avg_weights), _nanaverage(recall, avg_weights),
            _nanaverage(f_score, avg_weights), None)


def _nanaverage(a: np.ndarray, weights: np.ndarray | None) -> float:
    """The (weighted) mean ignoring NaNs; all-zero weights count as equal weights."""
    keep = ~np.isnan(a)
    if a.size == 0 or not keep.any():
        return float("nan")
    if weights is None or weights[keep].sum() == 0:
        return float(a[keep].mean())
    return float((a[keep] * weights[keep]).sum() / weights[keep].sum())


def precision_score(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
                    pos_label: Any = 1, average: str | None = "binary",
                    sample_weight: ArrayLike | None = None, zero_division: Any = "warn") -> Any:
    r"""Precision :math:`TP / (TP + FP)`: of the predicted positives, the fraction that are."""
    return precision_recall_fscore_support(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        sample_weight=sample_weight, zero_division=zero_division)[0]


def recall_score(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
                 pos_label: Any = 1, average: str | None = "binary",
                 sample_weight: ArrayLike | None = None, zero_division: Any = "warn") -> Any:
    r"""Recall :math:`TP / (TP + FN)`: of the true positives, the fraction that was found."""
    return precision_recall_fscore_support(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        sample_weight=sample_weight, zero_division=zero_division)[1]


def fbeta_score(y_true: ArrayLike, y_pred: ArrayLike, *, beta: float,
                labels: ArrayLike | None = None, pos_label: Any = 1,
                average: str | None = "binary", sample_weight: ArrayLike | None = None,
                zero_division: Any = "warn") -> Any:
    r""":math:`F_\beta = (1+\beta^2) P R / (\beta^2 P + R)`: recall counts :math:`\beta` times
    as much as precision."""
    return precision_recall_fscore_support(
        y_true, y_pred, beta=beta, labels=labels, pos_label=pos_label, average=average,
        sample_weight=sample_weight, zero_division=zero_division)[2]


def f1_score(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
             pos_label: Any = 1, average: str | None = "binary",
             sample_weight: ArrayLike | None = None, zero_division: Any = "warn") -> Any:
    r"""F1, the harmonic mean of precision and recall, per class or averaged.

    .. math:: F_1 = \frac{2 P R}{P + R} = \frac{2\,TP}{2\,TP + FP + FN}

    ``average="macro"`` is the mean of the per-class F1 scores (not the F1 of the mean
    precision and mean recall); ``"micro"`` pools the counts first (for single-label
    multiclass data it equals the accuracy); ``"weighted"`` weights each class's F1 by its
    number of true samples; ``None`` returns one F1 per class (labels sorted).

    Examples
    --------
    >>> f1_score([0, 1, 2, 2], [0, 2, 2, 2], average="macro", zero_division=0)
    0.6
    """
    return precision_recall_fscore_support(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        sample_weight=sample_weight, zero_division=zero_division)[2]


# --------------------------------------------------------------------------------------------
# Ranking: ROC

def _binary_targets(y_true: np.ndarray, pos_label: Any) -> np.ndarray:
    """y_true as booleans (True = positive), choosing the positive class like scikit-learn."""
    classes = np.unique(y_true)
    if pos_label is None:
        if classes.dtype.kind in "USO" or not (
            np.all(np.isin(classes, [0, 1])) or np.all(np.isin(classes, [-1, 1]))
        ):
            raise ValueError(f"y_true takes values {classes.tolist()}: pass pos_label to say "
                             "which one is the positive class")
        pos_label = 1
    if classes.size > 2:
        raise ValueError(f"y_true must hold two classes for a binary ROC, found {classes.size}")
    return y_true == pos_label


def _binary_clf_curve(y_true: np.ndarray, y_score: np.ndarray, w: np.ndarray | None
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """False and true positive counts at each distinct score threshold, highest first."""
    order = np.argsort(y_score, kind="mergesort")[::-1]
    score, pos = y_score[order], y_true[order].astype(float)
    weight = np.ones_like(pos) if w is None else w[order]
    # The last index of each run of equal scores: ties cross the threshold together.
    distinct = np.flatnonzero(np.diff(score))
    ends = np.r_[distinct, pos.size - 1]
    tps = np.cumsum(pos * weight)[ends]
    fps = np.cumsum((1 - pos) * weight)[ends]
    return fps, tps, score[ends]


def _check_scores(y_true: ArrayLike, y_score: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    t = _column(y_true, "y_true")
    s = np.asarray(y_score, dtype=float)
    if s.ndim == 2 and s.shape[1] == 1:
        s = s.ravel()
    if s.ndim != 1:
        raise ValueError(f"y_score must be 1-D for a binary problem, got shape {s.shape}")
    if t.shape[0] != s.shape[0]:
        raise ValueError(f"y_true and y_score have different lengths: {t.shape[0]} and "
                         f"{s.shape[0]}")
    if t.shape[0] == 0:
        raise ValueError("y_true and y_score are empty")
    if not np.all(np.isfinite(s)):
        raise ValueError("y_score contains NaN or infinity")
    return t, s


def roc_curve(y_true: ArrayLike, y_score: ArrayLike, *, pos_label: Any = None,
              sample_weight: ArrayLike | None = None,
              drop_intermediate: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The ROC curve: false and true positive rates as the threshold goes down.

    Predict "positive" when :math:`s_i \ge \tau`. For each distinct score :math:`\tau`
    (highest first, after a first point :math:`\tau = +\infty` that predicts nothing):

    .. math:: \text{TPR}(\tau) = \frac{\#\{s_i \ge \tau,\ y_i = 1\}}{\#\{y_i = 1\}}, \qquad
              \text{FPR}(\tau) = \frac{\#\{s_i \ge \tau,\ y_i = 0\}}{\#\{y_i = 0\}}

    Returns
    -------
    fpr, tpr, thresholds : ndarray, shape (n_thresholds,)
        ``drop_intermediate`` drops points on straight segments (they do not change the area).
    """
    t, s = _check_scores(y_true, y_score)
    w = _weights(sample_weight, t.shape[0])
    fps, tps, thresholds = _binary_clf_curve(_binary_targets(t, pos_label), s, w)
    if drop_intermediate and fps.size > 2:
        # Keep a point only where the curve changes direction (second differences != 0).
        keep = np.flatnonzero(np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True])
        fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
    fps, tps = np.r_[0.0, fps], np.r_[0.0, tps]
    thresholds = np.r_[np.inf, thresholds]
    if fps[-1] <= 0:
        warnings.warn("no negative samples in y_true: the false positive rate is undefined",
                      UndefinedMetricWarning, stacklevel=2)
        fpr = np.full(fps.shape, np.nan)
    else:
        fpr = fps / fps[-1]
    if tps[-1] <= 0:
        warnings.warn("no positive samples in y_true: the true positive rate is undefined",
                      UndefinedMetricWarning, stacklevel=2)
        tpr = np.full(tps.shape, np.nan)
    else:
        tpr = tps / tps[-1]
    return fpr, tpr, thresholds


def _binary_auc(y_true: np.ndarray, y_score: np.ndarray, w: np.ndarray | None = None) -> float:
    """The area under the ROC curve of boolean targets, by the trapezoid rule."""
    if y_true.all() or not y_true.any():
        raise ValueError("only one class present in y_true: ROC AUC is not defined then")
    fps, tps, _ = _binary_clf_curve(y_true, y_score, w)
    fpr, tpr = np.r_[0.0, fps] / fps[-1], np.r_[0.0, tps] / tps[-1]
    # Trapezoids: a tie between a positive and a negative becomes a diagonal step (area 1/2).
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))


def roc_auc_score(y_true: ArrayLike, y_score: ArrayLike, *, average: str | None = "macro",
                  sample_weight: ArrayLike | None = None, multi_class: str = "raise",
                  labels: ArrayLike | None = None) -> float:
    r"""Area under the ROC curve: the chance that a random positive outranks a random negative.

    With :math:`n_+` positives, :math:`n_-` negatives and :math:`r_i` the rank of score
    :math:`s_i` among all scores (1 = lowest, tied scores share their mean rank):

    .. math:: \text{AUC} = \frac{\sum_{i:\,y_i = 1} r_i - n_+(n_+ + 1)/2}{n_+\, n_-}

    which equals the trapezoid-rule area under :func:`roc_curve` (a tie counts 1/2).

    For a binary problem ``y_score`` has shape (n_samples,), the score of the greater label.
    For ``multi_class="ovr"`` (one-vs-rest), ``y_score`` has shape (n_samples, n_classes),
    rows of probabilities summing to 1, and the per-class AUCs are averaged (``"macro"`` or
    ``"weighted"`` by prevalence).

    Raises
    ------
    ValueError
        If only one class is present in ``y_true``, or on mismatched shapes.

    Examples
    --------
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    t = _column(y_true, "y_true")
    scores = np.asarray(y_score, dtype=float)
    classes = np.unique(t) if labels is None else np.asarray(labels)
    if scores.ndim == 2 and scores.shape[1] > 2 or classes.size > 2:
        return _multiclass_auc(t, scores, classes, average, multi_class, sample_weight)
    if scores.ndim == 2 and scores.shape[1] == 2:
        scores = scores[:, 1]  # the probability of the greater label
    t, s = _check_scores(t, scores)
    w = _weights(sample_weight, t.shape[0])
    if classes.size < 2:
        raise ValueError("only one class present in y_true: ROC AUC is not defined then")
    return _binary_auc(t == classes[-1], s, w)


def _multiclass_auc(t: np.ndarray, scores: np.ndarray, classes: np.ndarray,
                    average: str | None, multi_class: str,
                    sample_weight: ArrayLike | None) -> float:
    if multi_class != "ovr":
        raise ValueError("multiclass ROC AUC needs multi_class='ovr' (one-vs-rest)")
    if average not in ("macro", "weighted"):
        raise ValueError("multiclass one-vs-rest ROC AUC supports average='macro' or 'weighted'")
    if scores.ndim != 2 or scores.shape != (t.shape[0], classes.size):
        raise ValueError(f"y_score must have shape (n_samples, n_classes) = "
                         f"({t.shape[0]}, {classes.size}), got {scores.shape}")
    if not np.allclose(scores.sum(axis=1), 1.0):
        raise ValueError("multiclass y_score must hold probabilities: rows summing to 1")
    if not np.all(np.isin(t, classes)):
        raise ValueError("y_true holds labels that are not in labels")
    w = _weights(sample_weight, t.shape[0])
    aucs = np.array([_binary_auc(t == c, scores[:, k], w) for k, c in enumerate(classes)])
    if average == "macro":
        return float(aucs.mean())
    prevalence = np.array([(t == c).sum() if w is None else w[t == c].sum() for c in classes])
    return float((aucs * prevalence).sum() / prevalence.sum())


# --------------------------------------------------------------------------------------------
# Regression

def _check_regression(y_true: ArrayLike, y_pred: ArrayLike,
                      sample_weight: ArrayLike | None) -> tuple[np.ndarray, np.ndarray,
                                                                 np.ndarray | None]:
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if t.ndim == 1:
        t = t.reshape(-1, 1)  # (n_samples,) -> (n_samples, 1)
    if p.ndim == 1:
        p = p.reshape(-1, 1)
    if t.ndim != 2 or t.shape != p.shape:
        raise ValueError(f"y_true and y_pred must have the same shape, got {np.shape(y_true)} "
                         f"and {np.shape(y_pred)}")
    if t.shape[0] == 0:
        raise ValueError("y_true and y_pred are empty")
    if not (np.all(np.isfinite(t)) and np.all(np.isfinite(p))):
        raise ValueError("y_true and y_pred must not contain NaN or infinity")
    return t, p, _weights(sample_weight, t.shape[0])


def _multioutput(values: np.ndarray, multioutput: str | ArrayLike,
                 weights: np.ndarray | None = None) -> Any:
    if isinstance(multioutput, str):
        if multioutput == "raw_values":
            return values
        if multioutput == "uniform_average":
            return float(values.mean())
        if multioutput == "variance_weighted" and weights is not None:
            if weights.sum() == 0:
                return float(values.mean())
            return float((values * weights).sum() / weights.sum())
        raise ValueError(f"unknown multioutput {multioutput!r}")
    mo = np.asarray(multioutput, dtype=float)
    if mo.shape != values.shape:
        raise ValueError(f"multioutput weights must have shape {values.shape}, got {mo.shape}")
    return float((values * mo).sum() / mo.sum())


def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike, *,
                       sample_weight: ArrayLike | None = None,
                       multioutput: str | ArrayLike = "uniform_average") -> Any:
    r"""Mean squared error :math:`\frac{1}{n}\sum_i (y_i - \hat y_i)^2` (weighted mean with
    ``sample_weight``), per output then averaged.

    Examples
    --------
    >>> mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    t, p, w = _check_regression(y_true, y_pred, sample_weight)
    sq = (t - p) ** 2
    per_output = sq.mean(axis=0) if w is None else (sq * w[:, None]).sum(axis=0) / w.sum()
    return _multioutput(per_output, multioutput)


def r2_score(y_true: ArrayLike, y_pred: ArrayLike, *, sample_weight: ArrayLike | None = None,
             multioutput: str | ArrayLike = "uniform_average",
             force_finite: bool = True) -> Any:
    r"""The coefficient of determination: the fraction of the variance that is explained.

    .. math:: R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}

    1 is perfect, 0 is as good as predicting the mean, and it can be negative. When
    :math:`y` is constant the ratio is 0 / 0: with ``force_finite`` the score is 1 for a
    perfect prediction and 0 otherwise (NaN or -inf without it).

    Examples
    --------
    >>> r2_score([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.9486081370449679
    """
    t, p, w = _check_regression(y_true, y_pred, sample_weight)
    if t.shape[0] < 2:
        warnings.warn("R^2 is not well-defined with fewer than two samples",
                      UndefinedMetricWarning, stacklevel=2)
        return float("nan")
    ww = np.ones(t.shape[0]) if w is None else w
    mean = (t * ww[:, None]).sum(axis=0) / ww.sum()
    ss_res = (ww[:, None] * (t - p) ** 2).sum(axis=0)
    ss_tot = (ww[:, None] * (t - mean) ** 2).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = 1 - ss_res / ss_tot
    constant = ss_tot == 0
    if force_finite:
        scores = np.where(constant, np.where(ss_res == 0, 1.0, 0.0), scores)
    return _multioutput(scores, multioutput, ss_tot)

