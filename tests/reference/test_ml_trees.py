"""groundup.ml.tree and groundup.ml.ensemble against scikit-learn, SciPy and NumPy.

The pieces (impurities, the best split, flat-tree prediction, bootstrap, voting, OOB score)
are compared with scikit-learn's fitted trees and forests; the estimators with scikit-learn's
on its bundled data sets (cross-validated accuracy / R^2 within 1 point).
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from scipy import stats
from sklearn import datasets
from sklearn import ensemble as sk_ensemble
from sklearn import tree as sk_tree
from sklearn.model_selection import KFold, StratifiedKFold

from groundup.ml import ensemble, tree


def _f32(a: np.ndarray) -> np.ndarray:
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def _sk_root_impurity(y, criterion):
    y = np.asarray(y)
    t = sk_tree.DecisionTreeClassifier(max_depth=1, criterion=criterion).fit(np.zeros((y.size, 1)), y)
    return t.tree_.impurity[0]


# --------------------------------------------------------------------------------------------
# The pieces

@pytest.mark.parametrize("seed", range(4))
def test_impurities_match_sklearn_and_scipy(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2 + seed, size=50 + 30 * seed)
    np.testing.assert_allclose(tree.gini_impurity(y), _sk_root_impurity(y, "gini"), atol=1e-12)
    np.testing.assert_allclose(tree.entropy(y), _sk_root_impurity(y, "entropy"), atol=1e-12)
    _, counts = np.unique(y, return_counts=True)
    np.testing.assert_allclose(tree.entropy(y), stats.entropy(counts, base=2), atol=1e-12)
    assert tree.gini_impurity(["a", "a"]) == 0.0
    with pytest.raises(ValueError):
        tree.gini_impurity([])


def test_information_gain_matches_sklearn_root_split():
    X, y = datasets.load_iris(return_X_y=True)
    t = sk_tree.DecisionTreeClassifier(max_depth=1).fit(X, y).tree_
    mask = X[:, t.feature[0]] <= t.threshold[0]
    n = t.n_node_samples
    expected = t.impurity[0] - (n[1] * t.impurity[1] + n[2] * t.impurity[2]) / n[0]
    np.testing.assert_allclose(tree.information_gain(y, mask), expected, atol=1e-12)
    assert tree.information_gain(y, np.ones(y.size, bool)) == 0.0
    with pytest.raises(ValueError):
        tree.information_gain(y, mask[:-1])


@pytest.mark.parametrize(("seed", "criterion", "min_leaf"),
                         [(0, "gini", 1), (1, "entropy", 1), (2, "gini", 15), (3, "log_loss", 4)])
def test_best_split_is_sklearn_stump(seed, criterion, min_leaf):
    rng = np.random.default_rng(seed)
    X = _f32(rng.normal(size=(300, 6)))
    y = (X[:, 2] + 0.4 * X[:, 4] ** 2 + 0.5 * rng.normal(size=300) > 0.3).astype(int) + \
        (X[:, 0] > 1).astype(int)
    f, thr, gain = tree.best_split(X, y, criterion, min_leaf)
    t = sk_tree.DecisionTreeClassifier(max_depth=1, criterion=criterion,
                                       min_samples_leaf=min_leaf).fit(X, y).tree_
    n = t.n_node_samples
    assert f == t.feature[0]
    assert thr == t.threshold[0]
    np.testing.assert_allclose(
        gain, t.impurity[0] - (n[1] * t.impurity[1] + n[2] * t.impurity[2]) / n[0], atol=1e-12)


def test_best_split_without_a_valid_split():
    f, thr, gain = tree.best_split(np.ones((4, 2)), [0, 1, 0, 1])
    assert f == -1 and np.isnan(thr) and gain == 0.0


def test_predict_tree_on_sklearn_arrays():
    X, y = datasets.load_digits(return_X_y=True)
    clf = sk_tree.DecisionTreeClassifier(random_state=0).fit(X[:1000], y[:1000])
    t = clf.tree_
    X_test = _f32(X[1000:])
    proba = tree.predict_tree(X_test, t.feature, t.threshold, t.children_left,
                              t.children_right, t.value[:, 0, :])
    np.testing.assert_allclose(proba, clf.predict_proba(X_test), atol=1e-12)


def test_grow_tree_is_sklearn_tree_when_splits_do_not_tie():
    rng = np.random.default_rng(0)
    X = _f32(rng.normal(size=(200, 3)))
    y = (X[:, 0] + X[:, 1] ** 2 + 0.3 * rng.normal(size=200) > 0.8).astype(int)
    grown = tree.grow_tree(X, y, max_depth=3)
    clf = sk_tree.DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    X_test = _f32(rng.normal(size=(100, 3)))
    proba = tree.predict_tree(X_test, grown["feature"], grown["threshold"], grown["left"],
                              grown["right"], grown["value"])
    np.testing.assert_allclose(proba, clf.predict_proba(X_test), atol=1e-12)
    assert (grown["left"] == -1).sum() == clf.get_n_leaves()


def test_bootstrap_sample():
    idx, oob = ensemble.bootstrap_sample(10_000, np.random.default_rng(3))
    np.testing.assert_array_equal(idx, np.random.default_rng(3).integers(0, 10_000, 10_000))
    np.testing.assert_array_equal(oob, ~np.isin(np.arange(10_000), idx))
    assert abs(oob.mean() - np.exp(-1)) < 0.02
    with pytest.raises(ValueError):
        ensemble.bootstrap_sample(0, np.random.default_rng(0))


def test_majority_vote_is_scipy_mode():
    P = np.random.default_rng(0).integers(0, 5, size=(30, 400))
    np.testing.assert_array_equal(ensemble.majority_vote(P),
                                  stats.mode(P, axis=0, keepdims=False).mode)


def test_soft_vote_and_oob_score_match_sklearn_forest():
    X, y = datasets.load_breast_cancer(return_X_y=True)
    rf = sk_ensemble.RandomForestClassifier(n_estimators=20, oob_score=True, max_depth=5,
                                            random_state=0).fit(X, y)
    P = np.stack([t.predict_proba(_f32(X)) for t in rf.estimators_])
    proba, labels = ensemble.random_forest_predict(P, rf.classes_)
    np.testing.assert_allclose(proba, rf.predict_proba(X), atol=1e-12)
    n = X.shape[0]
    M = np.stack([np.bincount(np.random.RandomState(t.random_state).randint(0, n, n),
                              minlength=n) == 0 for t in rf.estimators_])
    np.testing.assert_allclose(ensemble.oob_score(P, M, y), rf.oob_score_, atol=1e-12)


# --------------------------------------------------------------------------------------------
# The estimators

def test_regression_tree_is_sklearn_tree():
    X, y = datasets.load_diabetes(return_X_y=True)
    for params in ({"max_depth": 3}, {"min_samples_leaf": 10}):
        ours = tree.DecisionTreeRegressor(**params).fit(X[:300], y[:300])
        ref = sk_tree.DecisionTreeRegressor(random_state=0, **params).fit(X[:300], y[:300])
        np.testing.assert_allclose(ours.predict(X[300:]), ref.predict(X[300:]), rtol=1e-9)
        np.testing.assert_allclose(ours.feature_importances_, ref.feature_importances_,
                                   atol=1e-9)
        assert ours.get_depth() == ref.get_depth() and ours.get_n_leaves() == ref.get_n_leaves()


def test_classification_tree_on_iris_is_sklearn_tree():
    X, y = datasets.load_iris(return_X_y=True)
    for criterion in ("gini", "entropy"):
        ours = tree.DecisionTreeClassifier(criterion=criterion, max_depth=3).fit(X, y)
        ref = sk_tree.DecisionTreeClassifier(criterion=criterion, max_depth=3,
                                             random_state=0).fit(X, y)
        np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-12)
        # (petal length and petal width tie at the root: the importances depend on the draw)


def test_tree_that_sorts_on_demand_is_sklearn_tree():
    # max_features * 2 < n_features: the tree sorts each node's samples by the drawn features
    # at each level instead of presorting them all. With every column a copy of the same
    # one, any draw finds the same best split in both libraries: the trees must agree.
    rng = np.random.default_rng(1)
    x = _f32(rng.normal(size=(400, 1)))
    X = np.repeat(x, 12, axis=1)  # (400, 12)
    y_class = (np.sin(3 * x[:, 0]) + 0.5 * rng.normal(size=400) > 0).astype(int)
    y_reg = np.sin(3 * x[:, 0]) + 0.3 * rng.normal(size=400)
    weight = rng.integers(0, 3, size=400).astype(float)  # bootstrap-like counts
    X_test = np.repeat(_f32(rng.normal(size=(200, 1))), 12, axis=1)
    for ours, ref, y in [
        (tree.DecisionTreeClassifier(max_features=5, criterion="entropy"),
         sk_tree.DecisionTreeClassifier(max_features=5, criterion="entropy", random_state=0),
         y_class),
        (tree.DecisionTreeRegressor(max_features=5, min_samples_leaf=3),
         sk_tree.DecisionTreeRegressor(max_features=5, min_samples_leaf=3, random_state=0),
         y_reg)]:
        for w in (None, weight):
            ours.fit(X, y, sample_weight=w)
            ref.fit(X, y, sample_weight=w)
            np.testing.assert_allclose(ours.predict(X_test), ref.predict(X_test), rtol=1e-9)
            assert ours.get_n_leaves() == ref.get_n_leaves()
            assert ours.get_depth() == ref.get_depth()


def _cv_score(make, X, y, folds, seeds=range(2)):
    return np.mean([make(s).fit(X[tr], y[tr]).score(X[te], y[te])
                    for tr, te in folds.split(X, y) for s in seeds])


CLASSIFICATION = [datasets.load_iris, datasets.load_wine, datasets.load_breast_cancer,
                  datasets.load_digits]


@pytest.mark.parametrize("loader", CLASSIFICATION, ids=lambda f: f.__name__)
@pytest.mark.parametrize("params", [{}, {"max_depth": 4, "criterion": "entropy"},
                                    {"min_samples_leaf": 5, "max_features": "sqrt"}])
def test_tree_accuracy_within_one_point_of_sklearn(loader, params):
    X, y = loader(return_X_y=True)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    seeds = range(10)  # random features make single trees vary: average over many draws
    ours = _cv_score(lambda s: tree.DecisionTreeClassifier(random_state=s, **params), X, y, folds,
                     seeds)
    ref = _cv_score(lambda s: sk_tree.DecisionTreeClassifier(random_state=s, **params), X, y,
                    folds, seeds)
    assert abs(ours - ref) <= 0.01, (ours, ref)


@pytest.mark.parametrize("loader", [pytest.param(f, marks=pytest.mark.slow)
                                    if f is datasets.load_digits else f
                                    for f in CLASSIFICATION], ids=lambda f: f.__name__)
def test_forest_accuracy_within_one_point_of_sklearn(loader):
    X, y = loader(return_X_y=True)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    ours = _cv_score(lambda s: ensemble.RandomForestClassifier(n_estimators=30, random_state=s),
                     X, y, folds)
    ref = _cv_score(lambda s: sk_ensemble.RandomForestClassifier(n_estimators=30,
                                                                 random_state=s), X, y, folds)
    assert abs(ours - ref) <= 0.01, (ours, ref)


def test_regressors_r2_within_one_point_of_sklearn():
    X, y = datasets.load_diabetes(return_X_y=True)
    folds = KFold(5, shuffle=True, random_state=0)
    # (one tree with random features is too noisy to compare: the forest below does that)
    for params in ({"max_depth": 3}, {"min_samples_leaf": 10}):
        ours = _cv_score(lambda s, p=params: tree.DecisionTreeRegressor(random_state=s, **p),
                         X, y, folds)
        ref = _cv_score(lambda s, p=params: sk_tree.DecisionTreeRegressor(random_state=s, **p),
                        X, y, folds)
        assert abs(ours - ref) <= 0.01, (params, ours, ref)
    ours = _cv_score(lambda s: ensemble.RandomForestRegressor(n_estimators=30, random_state=s),
                     X, y, folds)
    ref = _cv_score(lambda s: sk_ensemble.RandomForestRegressor(n_estimators=30,
                                                                random_state=s), X, y, folds)
    assert abs(ours - ref) <= 0.01, (ours, ref)


def test_forest_oob_score_parallel_and_importances():
    X, y = datasets.load_breast_cancer(return_X_y=True)
    ours = ensemble.RandomForestClassifier(n_estimators=60, oob_score=True, random_state=0)
    ours.fit(X, y)
    ref = sk_ensemble.RandomForestClassifier(n_estimators=60, oob_score=True,
                                             random_state=0).fit(X, y)
    assert abs(ours.oob_score_ - ref.oob_score_) < 0.02
    assert ours.oob_decision_function_.shape == (X.shape[0], 2)
    parallel = ensemble.RandomForestClassifier(n_estimators=60, oob_score=True, n_jobs=2,
                                               random_state=0).fit(X, y)
    np.testing.assert_array_equal(parallel.predict_proba(X), ours.predict_proba(X))
    np.testing.assert_allclose(ours.feature_importances_.sum(), 1.0)
    # the most important features agree with scikit-learn's
    top = set(np.argsort(ours.feature_importances_)[-5:])
    assert len(top & set(np.argsort(ref.feature_importances_)[-5:])) >= 3
    reg = ensemble.RandomForestRegressor(n_estimators=40, oob_score=True, random_state=0)
    Xd, yd = datasets.load_diabetes(return_X_y=True)
    reg.fit(Xd, yd)
    ref_reg = sk_ensemble.RandomForestRegressor(n_estimators=40, oob_score=True,
                                                random_state=0).fit(Xd, yd)
    assert abs(reg.oob_score_ - ref_reg.oob_score_) < 0.05


@pytest.mark.parametrize("max_features", [None, "sqrt", "log2", 3, 0.5, 1.0])
def test_max_features_resolved_as_sklearn(max_features):
    X, y = datasets.load_wine(return_X_y=True)
    ours = tree.DecisionTreeClassifier(max_features=max_features, random_state=0).fit(X, y)
    ref = sk_tree.DecisionTreeClassifier(max_features=max_features, random_state=0).fit(X, y)
    assert ours.max_features_ == ref.max_features_


@pytest.mark.parametrize("params", [{"criterion": "mse"}, {"max_features": "half"},
                                    {"max_features": 0}, {"min_samples_leaf": 0},
                                    {"max_depth": 0}, {"min_samples_split": 1}])
def test_invalid_hyper_parameters_raise(params):
    X, y = datasets.load_iris(return_X_y=True)
    with pytest.raises(ValueError):
        tree.DecisionTreeClassifier(**params).fit(X, y)


@pytest.mark.slow
@pytest.mark.parametrize(("ours", "ref", "limit"), [
    (tree.DecisionTreeClassifier(random_state=0), sk_tree.DecisionTreeClassifier(random_state=0), 3),
    (tree.DecisionTreeRegressor(random_state=0), sk_tree.DecisionTreeRegressor(random_state=0), 3),
    (ensemble.RandomForestClassifier(n_estimators=50, random_state=0),
     sk_ensemble.RandomForestClassifier(n_estimators=50, random_state=0), 3),
])
def test_speed_within_three_times_sklearn(ours, ref, limit):
    from sklearn.base import is_classifier
    from sklearn.datasets import make_classification, make_regression

    if is_classifier(ours):
        X, y = make_classification(n_samples=20_000, n_features=20, random_state=0)
    else:
        X, y = make_regression(n_samples=20_000, n_features=20, noise=1.0, random_state=0)

    def best_time(est):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            est.fit(X, y).predict(X)
            times.append(time.perf_counter() - start)
        return min(times)

    assert best_time(ours) <= limit * best_time(ref)
