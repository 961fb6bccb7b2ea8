"""groundup.ml.model_selection against sklearn.model_selection: the same splits, the same scores."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import model_selection as skms
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import make_scorer, mean_absolute_error
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from groundup.ml import model_selection as gms


def _xy(n: int, seed: int = 0, n_classes: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, 2)), rng.integers(0, n_classes, size=n)


# --------------------------------------------------------------------------------------------
# train_test_split

sizes = st.one_of(st.none(), st.floats(0.05, 0.9), st.integers(1, 30))


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 60), sizes, sizes, st.integers(0, 2**31 - 1), st.booleans())
def test_train_test_split_same_as_sklearn_property(n, test_size, train_size, seed, shuffle):
    X, y = _xy(n, seed % 1000)
    kwargs = {"test_size": test_size, "train_size": train_size, "random_state": seed,
              "shuffle": shuffle}
    try:
        expected = skms.train_test_split(X, y, **kwargs)
    except ValueError:
        with pytest.raises(ValueError):
            gms.train_test_split(X, y, **kwargs)
        return
    got = gms.train_test_split(X, y, **kwargs)
    assert len(got) == 4
    for e, g in zip(expected, got, strict=True):
        assert_array_equal(g, e)  # the same rows, in the same order


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("test_size", [0.2, 0.33, 25])
def test_stratified_split_same_as_sklearn(seed, test_size):
    X, y = _xy(120, seed, n_classes=4)
    y[:7] = 9  # a small class
    expected = skms.train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
    got = gms.train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
    for e, g in zip(expected, got, strict=True):
        assert_array_equal(g, e)


def test_split_keeps_rows_aligned_for_lists_and_frames():
    X, y = load_iris(return_X_y=True, as_frame=True)
    names = [f"flower {i}" for i in range(len(y))]
    expected = skms.train_test_split(X, y, names, test_size=0.3, random_state=1)
    got = gms.train_test_split(X, y, names, test_size=0.3, random_state=1)
    pd.testing.assert_frame_equal(got[0], expected[0])
    pd.testing.assert_series_equal(got[3], expected[3])
    assert got[4] == expected[4] and got[5] == expected[5]


def test_split_without_shuffle_and_reproducibility():
    X, y = _xy(10)
    X_train, X_test, y_train, y_test = gms.train_test_split(X, y, test_size=3, shuffle=False)
    assert_array_equal(X_train, X[:7]) and assert_array_equal(X_test, X[7:])
    a = gms.train_test_split(X, y, random_state=3)
    b = gms.train_test_split(X, y, random_state=3)
    c = gms.train_test_split(X, y, random_state=4)
    assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[1], c[1])


@pytest.mark.parametrize(("args", "kwargs"), [
    ((), {}),
    ((np.ones(5), np.ones(4)), {}),
    ((np.ones(5),), {"test_size": 1.5}),
    ((np.ones(5),), {"test_size": 5}),
    ((np.ones(5),), {"test_size": 0.6, "train_size": 0.6}),
    ((np.ones(5),), {"test_size": "half"}),
    ((np.ones(6),), {"stratify": [0, 0, 0, 1, 1, 1], "shuffle": False}),
    ((np.ones(6),), {"stratify": [0, 0, 0, 0, 0, 1]}),
])
def test_split_invalid(args, kwargs):
    with pytest.raises(ValueError):
        gms.train_test_split(*args, **kwargs)


# --------------------------------------------------------------------------------------------
# K-fold

def _same_splits(expected, got):
    expected, got = list(expected), list(got)
    assert len(expected) == len(got)
    for (e_train, e_test), (g_train, g_test) in zip(expected, got, strict=True):
        assert_array_equal(g_train, e_train)
        assert_array_equal(g_test, e_test)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), st.integers(2, 8), st.booleans(), st.integers(0, 1000))
def test_kfold_same_as_sklearn_property(n, k, shuffle, seed):
    X = np.zeros((n, 1))
    rs = seed if shuffle else None
    if k > n:
        with pytest.raises(ValueError):
            gms.kfold_indices(n, k)
        return
    expected = skms.KFold(k, shuffle=shuffle, random_state=rs).split(X)
    _same_splits(expected, gms.kfold_indices(n, k, shuffle=shuffle, random_state=rs))
    _same_splits(skms.KFold(k, shuffle=shuffle, random_state=rs).split(X),
                 gms.KFold(k, shuffle=shuffle, random_state=rs).split(X))
    assert gms.KFold(k).get_n_splits() == k


@pytest.mark.filterwarnings("ignore:.*least populated class")
@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("seed", range(5))
def test_stratified_kfold_same_as_sklearn(shuffle, seed):
    rng = np.random.default_rng(seed)
    y = rng.choice(np.array(["a", "b", "c"]), size=int(rng.integers(15, 80)), p=[0.6, 0.3, 0.1])
    X = np.zeros((y.size, 1))
    rs = seed if shuffle else None
    for k in (2, 3, 5):
        _same_splits(skms.StratifiedKFold(k, shuffle=shuffle, random_state=rs).split(X, y),
                     gms.StratifiedKFold(k, shuffle=shuffle, random_state=rs).split(X, y))


@pytest.mark.parametrize(("fn", "args", "kwargs"), [
    (gms.kfold_indices, (10, 1), {}),
    (gms.kfold_indices, (3, 4), {}),
    (gms.kfold_indices, (10, 2.5), {}),
    (gms.KFold, (10,), {"random_state": 0}),
    (gms.KFold, (1,), {}),
])
def test_kfold_invalid(fn, args, kwargs):
    with pytest.raises(ValueError):
        fn(*args, **kwargs)


def test_stratified_kfold_needs_labels():
    with pytest.raises(ValueError):
        list(gms.StratifiedKFold(3).split(np.zeros((6, 1))))
    with pytest.raises(ValueError):
        list(gms.StratifiedKFold(3).split(np.zeros((6, 1)), np.linspace(0, 1, 6)))


# --------------------------------------------------------------------------------------------
# cross_val_score

def _data(name: str):
    loader = {"iris": load_iris, "wine": load_wine, "breast_cancer": load_breast_cancer,
              "diabetes": load_diabetes}[name]
    return loader(return_X_y=True)


CASES = [
    ("iris", DecisionTreeClassifier(random_state=0), 5, None),
    ("iris", LogisticRegression(max_iter=1000), 3, "accuracy"),
    ("wine", DecisionTreeClassifier(max_depth=3, random_state=0),
     skms.KFold(4, shuffle=True, random_state=0), "f1_macro"),
    ("breast_cancer", DecisionTreeClassifier(max_depth=2, random_state=0),
     skms.StratifiedKFold(5, shuffle=True, random_state=1), "roc_auc"),
    ("breast_cancer", DecisionTreeClassifier(max_depth=2, random_state=0), 4, "f1"),
    ("diabetes", Ridge(alpha=0.5), 5, None),
    ("diabetes", Ridge(alpha=2.0), skms.KFold(3, shuffle=True, random_state=2),
     "neg_mean_squared_error"),
    ("diabetes", DecisionTreeRegressor(max_depth=3, random_state=0), 6, "r2"),
    ("diabetes", Ridge(), 4, make_scorer(mean_absolute_error, greater_is_better=False)),
]


@pytest.mark.parametrize(("data", "estimator", "cv", "scoring"), CASES,
                         ids=[f"{c[0]}-{type(c[1]).__name__}-{c[3]}" for c in CASES])
def test_cross_val_score_same_as_sklearn(data, estimator, cv, scoring):
    X, y = _data(data)
    expected = skms.cross_val_score(estimator, X, y, cv=cv, scoring=scoring)
    got = gms.cross_val_score(estimator, X, y, cv=cv, scoring=scoring)
    assert_allclose(got, expected, rtol=1e-10)
    assert not hasattr(estimator, "n_features_in_"), "the estimator passed in was fitted"


def test_cross_val_score_with_our_splitters_and_explicit_splits():
    X, y = _data("iris")
    est = LogisticRegression(max_iter=1000)
    expected = skms.cross_val_score(est, X, y, cv=skms.StratifiedKFold(3, shuffle=True,
                                                                       random_state=0))
    got = gms.cross_val_score(est, X, y, cv=gms.StratifiedKFold(3, shuffle=True, random_state=0))
    assert_allclose(got, expected, rtol=1e-10)
    splits = gms.kfold_indices(len(y), 3, shuffle=True, random_state=0)
    assert_allclose(gms.cross_val_score(est, X, y, cv=splits),
                    skms.cross_val_score(est, X, y, cv=splits), rtol=1e-10)


def test_cross_val_score_works_with_groundup_estimators():
    try:
        ml = importlib.import_module("groundup.ml")
        estimators = [(ml.Ridge(alpha=1.0), "diabetes"),
                      (ml.DecisionTreeClassifier(max_depth=3, random_state=0), "iris")]
    except (ImportError, AttributeError):
        pytest.skip("groundup.ml estimators not available yet")
    for est, data in estimators:
        X, y = _data(data)
        # Same splits, same estimator: our loop and scikit-learn's must agree exactly.
        assert_allclose(gms.cross_val_score(est, X, y, cv=4),
                        skms.cross_val_score(est, X, y, cv=4), rtol=1e-12)


def test_cross_val_score_invalid():
    X, y = _data("iris")
    with pytest.raises(ValueError):
        gms.cross_val_score(LogisticRegression(), X, y, scoring="nonsense")
    with pytest.raises(ValueError):
        gms.cross_val_score(LogisticRegression(), X, y, cv="five")
