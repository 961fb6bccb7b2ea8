"""groundup.ml.metrics against sklearn.metrics, on seeded random inputs and edge cases."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import metrics as skm
from sklearn.exceptions import UndefinedMetricWarning as SkUndefined

from groundup.ml import metrics as gm

RNG = np.random.default_rng(0)
AVERAGES = ["micro", "macro", "weighted", None]


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkUndefined)
        warnings.simplefilter("ignore", gm.UndefinedMetricWarning)
        return fn(*args, **kwargs)


def _labels(n_classes: int, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, n_classes, size=n)
    # Predictions right about 60 % of the time, so that every count is exercised.
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, n_classes, size=n))
    return y_true, y_pred


label_pairs = st.integers(1, 60).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 4), min_size=n, max_size=n),
    st.lists(st.integers(0, 4), min_size=n, max_size=n)))


# --------------------------------------------------------------------------------------------
# Confusion matrix and accuracy

@pytest.mark.filterwarnings("ignore:A single label was found")
@settings(max_examples=60, deadline=None)
@given(label_pairs)
def test_confusion_matrix_and_accuracy_match_sklearn_property(pair):
    y_true, y_pred = (np.array(v) for v in pair)
    cm = gm.confusion_matrix(y_true, y_pred)
    assert_array_equal(cm, skm.confusion_matrix(y_true, y_pred))
    assert cm.dtype == skm.confusion_matrix(y_true, y_pred).dtype
    assert_allclose(gm.accuracy_score(y_true, y_pred), skm.accuracy_score(y_true, y_pred))


@pytest.mark.parametrize("normalize", [None, "true", "pred", "all"])
@pytest.mark.parametrize("seed", range(4))
def test_confusion_matrix_options_match_sklearn(normalize, seed):
    y_true, y_pred = _labels(4, 50, seed)
    w = np.random.default_rng(seed).random(50)
    for labels in (None, [3, 1, 0], [2, 0, 1, 3, 7]):
        for sw in (None, w):
            expected = skm.confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sw,
                                            normalize=normalize)
            got = gm.confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sw,
                                      normalize=normalize)
            assert_allclose(got, expected, rtol=1e-12)
            assert got.shape == expected.shape


def test_confusion_matrix_strings_and_zero_rows():
    y_true = np.array(["cat", "dog", "cat", "bird"])
    y_pred = np.array(["dog", "dog", "cat", "cat"])
    assert_array_equal(gm.confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred))
    # A class never predicted: its column is 0; normalising by column gives 0, not NaN.
    assert_allclose(gm.confusion_matrix(y_true, y_pred, normalize="pred"),
                    skm.confusion_matrix(y_true, y_pred, normalize="pred"))


@pytest.mark.parametrize(("args", "kwargs"), [
    (([0, 1], [0]), {}),
    (([], []), {}),
    (([0, 1], [0, 1]), {"labels": []}),
    (([0, 1], [0, 1]), {"labels": [5, 6]}),
    (([0, 1], [0, 1]), {"normalize": "rows"}),
    (([0.5, 1.2], [0, 1]), {}),
    ((["a", "b"], [0, 1]), {}),
])
def test_confusion_matrix_invalid(args, kwargs):
    with pytest.raises(ValueError):
        gm.confusion_matrix(*args, **kwargs)


def test_accuracy_options():
    y_true, y_pred = _labels(3, 40, 1)
    w = RNG.random(40)
    assert_allclose(gm.accuracy_score(y_true, y_pred, normalize=False),
                    skm.accuracy_score(y_true, y_pred, normalize=False))
    assert_allclose(gm.accuracy_score(y_true, y_pred, sample_weight=w),
                    skm.accuracy_score(y_true, y_pred, sample_weight=w))


# --------------------------------------------------------------------------------------------
# Precision, recall, F

@settings(max_examples=60, deadline=None)
@given(label_pairs, st.sampled_from(AVERAGES), st.sampled_from(["warn", 0, 1, np.nan]))
def test_prf_averages_match_sklearn_property(pair, average, zero_division):
    y_true, y_pred = (np.array(v) for v in pair)
    expected = _quiet(skm.precision_recall_fscore_support, y_true, y_pred, average=average,
                      zero_division=zero_division)
    got = _quiet(gm.precision_recall_fscore_support, y_true, y_pred, average=average,
                 zero_division=zero_division)
    for e, g in zip(expected, got, strict=True):
        if e is None:
            assert g is None
        else:
            assert_allclose(g, e, rtol=1e-12, equal_nan=True)


@pytest.mark.parametrize("average", AVERAGES)
@pytest.mark.parametrize("seed", range(5))
def test_precision_recall_f1_scores_match_sklearn(average, seed):
    y_true, y_pred = _labels(4, 80, seed)
    w = np.random.default_rng(seed + 100).random(80)
    for fn, ref in ((gm.precision_score, skm.precision_score), (gm.recall_score, skm.recall_score),
                    (gm.f1_score, skm.f1_score)):
        for kwargs in ({}, {"sample_weight": w}, {"labels": [0, 2]}, {"labels": [3, 0, 9]}):
            assert_allclose(_quiet(fn, y_true, y_pred, average=average, **kwargs),
                            _quiet(ref, y_true, y_pred, average=average, **kwargs), rtol=1e-12)
    assert_allclose(gm.fbeta_score(y_true, y_pred, beta=0.5, average=average),
                    skm.fbeta_score(y_true, y_pred, beta=0.5, average=average), rtol=1e-12)


@pytest.mark.parametrize("seed", range(6))
def test_binary_scores_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, 2, size=int(rng.integers(1, 40)))
    y_pred = rng.integers(0, 2, size=y_true.size)
    for pos_label in (0, 1):
        expected = _quiet(skm.precision_recall_fscore_support, y_true, y_pred,
                          average="binary", pos_label=pos_label, zero_division=0)[:3]
        assert_allclose(gm.precision_recall_f1(y_true, y_pred, pos_label=pos_label), expected)
        assert_allclose(_quiet(gm.f1_score, y_true, y_pred, pos_label=pos_label),
                        _quiet(skm.f1_score, y_true, y_pred, pos_label=pos_label))


def test_binary_edge_cases():
    spam = np.array(["spam", "ham", "spam", "ham"])
    pred = np.array(["spam", "spam", "ham", "ham"])
    assert_allclose(gm.precision_recall_f1(spam, pred, pos_label="spam"),
                    skm.precision_recall_fscore_support(spam, pred, pos_label="spam",
                                                        average="binary")[:3])
    # No predicted positives, no true positives: the 0 / 0 become 0.
    assert gm.precision_recall_f1([0, 0, 0], [0, 0, 0]) == (0.0, 0.0, 0.0)
    assert gm.precision_recall_f1([1, 0], [0, 0]) == (0.0, 0.0, 0.0)
    with pytest.warns(gm.UndefinedMetricWarning):
        assert gm.precision_score([1, 0], [0, 0]) == 0.0
    assert gm.precision_score([1, 0], [0, 0], zero_division=1) == 1.0


@pytest.mark.parametrize(("fn", "args", "kwargs"), [
    (gm.precision_recall_f1, ([0, 1, 2], [0, 1, 1]), {}),
    (gm.precision_recall_f1, ([0, 2], [0, 2]), {"pos_label": 1}),
    (gm.precision_recall_f1, ([0, 1], [0, 1, 1]), {}),
    (gm.f1_score, ([0, 1, 2], [0, 1, 1]), {}),
    (gm.f1_score, ([0, 1], [0, 1]), {"average": "samples"}),
    (gm.f1_score, ([0, 1], [0, 1]), {"average": "macro", "zero_division": 2}),
])
def test_prf_invalid(fn, args, kwargs):
    with pytest.raises(ValueError):
        fn(*args, **kwargs)


# --------------------------------------------------------------------------------------------
# ROC

scores_with_ties = st.integers(2, 60).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 1), min_size=n, max_size=n),
    st.lists(st.integers(0, 6), min_size=n, max_size=n)))


@settings(max_examples=80, deadline=None)
@given(scores_with_ties)
def test_roc_auc_matches_sklearn_with_ties_property(pair):
    y_true, y_score = np.array(pair[0]), np.array(pair[1], dtype=float) / 6
    if np.unique(y_true).size < 2:
        with pytest.raises(ValueError):
            gm.roc_auc_score(y_true, y_score)
        return
    assert_allclose(gm.roc_auc_score(y_true, y_score), skm.roc_auc_score(y_true, y_score),
                    rtol=1e-12)
    for drop in (True, False):
        for e, g in zip(skm.roc_curve(y_true, y_score, drop_intermediate=drop),
                        gm.roc_curve(y_true, y_score, drop_intermediate=drop), strict=True):
            assert_allclose(g, e, rtol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_roc_curve_and_auc_random_weighted(seed):
    rng = np.random.default_rng(seed)
    n = 300
    y_true = rng.integers(0, 2, size=n)
    y_score = np.round(y_true + rng.normal(size=n), 1)  # rounded: many ties
    w = rng.random(n)
    assert_allclose(gm.roc_auc_score(y_true, y_score, sample_weight=w),
                    skm.roc_auc_score(y_true, y_score, sample_weight=w), rtol=1e-12)
    for e, g in zip(skm.roc_curve(y_true, y_score, sample_weight=w),
                    gm.roc_curve(y_true, y_score, sample_weight=w), strict=True):
        assert_allclose(g, e, rtol=1e-12)
    # String labels: the greater label is the positive class, as in scikit-learn.
    names = np.array(["neg", "pos"])[y_true]
    assert_allclose(gm.roc_auc_score(names, y_score), skm.roc_auc_score(names, y_score))
    for e, g in zip(skm.roc_curve(names, y_score, pos_label="pos"),
                    gm.roc_curve(names, y_score, pos_label="pos"), strict=True):
        assert_allclose(g, e)


def test_roc_auc_extremes():
    assert gm.roc_auc_score([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert gm.roc_auc_score([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]) == 0.0
    assert gm.roc_auc_score([0, 0, 1, 1], [0.5, 0.5, 0.5, 0.5]) == 0.5
    assert_allclose(gm.roc_auc_score([-1, 1, 1, -1], [0.3, 0.2, 0.9, 0.1]),
                    skm.roc_auc_score([-1, 1, 1, -1], [0.3, 0.2, 0.9, 0.1]))


@pytest.mark.parametrize("average", ["macro", "weighted"])
@pytest.mark.parametrize("seed", range(3))
def test_multiclass_ovr_auc_matches_sklearn(average, seed):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, 4, size=120)
    logits = rng.normal(size=(120, 4)) + 1.5 * np.eye(4)[y_true]
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert_allclose(gm.roc_auc_score(y_true, proba, multi_class="ovr", average=average),
                    skm.roc_auc_score(y_true, proba, multi_class="ovr", average=average),
                    rtol=1e-12)


@pytest.mark.parametrize(("args", "kwargs"), [
    (([1, 1, 1], [0.1, 0.2, 0.3]), {}),
    (([0, 1], [0.1, 0.2, 0.3]), {}),
    (([0, 1], [0.1, np.nan]), {}),
    (([0, 1, 2], np.full((3, 3), 1 / 3)), {}),  # multiclass without multi_class="ovr"
    (([0, 1, 2], np.ones((3, 3))), {"multi_class": "ovr"}),  # rows do not sum to 1
])
def test_roc_auc_invalid(args, kwargs):
    with pytest.raises(ValueError):
        gm.roc_auc_score(*args, **kwargs)


def test_roc_curve_needs_pos_label_for_other_labels():
    with pytest.raises(ValueError):
        gm.roc_curve([2, 3, 3], [0.1, 0.5, 0.7])
    got = gm.roc_curve([2, 3, 3], [0.1, 0.5, 0.7], pos_label=3)
    for e, g in zip(skm.roc_curve([2, 3, 3], [0.1, 0.5, 0.7], pos_label=3), got, strict=True):
        assert_allclose(g, e)
    assert got[2][0] == np.inf


# --------------------------------------------------------------------------------------------
# Regression

@pytest.mark.parametrize("seed", range(5))
def test_regression_metrics_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 50))
    y_true = rng.normal(size=n)
    y_pred = y_true + rng.normal(scale=0.5, size=n)
    w = rng.random(n)
    for sw in (None, w):
        assert_allclose(gm.mean_squared_error(y_true, y_pred, sample_weight=sw),
                        skm.mean_squared_error(y_true, y_pred, sample_weight=sw), rtol=1e-12)
        assert_allclose(gm.r2_score(y_true, y_pred, sample_weight=sw),
                        skm.r2_score(y_true, y_pred, sample_weight=sw), rtol=1e-12)
    Y, P = rng.normal(size=(n, 3)), rng.normal(size=(n, 3))
    for mo in ("raw_values", "uniform_average", [0.2, 0.3, 0.5]):
        assert_allclose(gm.mean_squared_error(Y, P, multioutput=mo),
                        skm.mean_squared_error(Y, P, multioutput=mo), rtol=1e-12)
    for mo in ("raw_values", "uniform_average", "variance_weighted"):
        assert_allclose(gm.r2_score(Y, P, multioutput=mo), skm.r2_score(Y, P, multioutput=mo),
                        rtol=1e-12)


def test_r2_constant_target_and_small_inputs():
    for pred in ([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]):
        for ff in (True, False):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                assert_allclose(gm.r2_score([2.0, 2.0, 2.0], pred, force_finite=ff),
                                skm.r2_score([2.0, 2.0, 2.0], pred, force_finite=ff))
    with pytest.warns(gm.UndefinedMetricWarning):
        assert np.isnan(gm.r2_score([1.0], [2.0]))
    with pytest.raises(ValueError):
        gm.mean_squared_error([1.0, 2.0], [1.0])
    with pytest.raises(ValueError):
        gm.r2_score([], [])
