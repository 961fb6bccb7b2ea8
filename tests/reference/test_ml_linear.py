"""groundup.ml linear models and StandardScaler against scikit-learn, SciPy and PyTorch."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
from numpy.testing import assert_allclose
from scipy import special
from sklearn import datasets, linear_model, metrics, preprocessing
from sklearn.exceptions import ConvergenceWarning

from groundup.ml import LinearRegression, LogisticRegression, Ridge, StandardScaler
from groundup.ml import linear_model as lm
from groundup.ml.preprocessing import standardize

RNG = np.random.default_rng(0)


def _regression(n: int, d: int, offset: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    X = RNG.normal(size=(n, d)) + offset
    return X, X @ RNG.normal(size=d) + 2.0 + 0.3 * RNG.normal(size=n)


def _binary(n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    X = RNG.normal(size=(n, d))
    return X, (X @ RNG.normal(size=d) + 0.3 + RNG.normal(size=n) > 0).astype(float)


def _scaled(name: str) -> tuple[np.ndarray, np.ndarray]:
    X, y = getattr(datasets, f"load_{name}")(return_X_y=True)
    return preprocessing.StandardScaler().fit_transform(X), y


# ---------------------------------------------------------------------------------------------
# The pieces


@pytest.mark.parametrize(("n", "d", "offset"), [(3, 1, 0.0), (40, 3, 0.0), (200, 6, 5.0)])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_normal_equation_and_ridge_match_sklearn(n, d, offset, fit_intercept):
    X, y = _regression(n, d, offset)
    ref = linear_model.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    coef, intercept = lm.normal_equation(X, y, fit_intercept)
    assert_allclose(coef, ref.coef_, rtol=1e-7, atol=1e-9)
    assert_allclose(intercept, ref.intercept_, rtol=1e-7, atol=1e-9)
    for alpha in (0.0, 0.5, 10.0):
        ridge = linear_model.Ridge(alpha=alpha, fit_intercept=fit_intercept, solver="svd")
        ridge.fit(X, y)
        coef, intercept = lm.ridge_closed_form(X, y, alpha, fit_intercept)
        assert_allclose(coef, ridge.coef_, rtol=1e-7, atol=1e-9)
        assert_allclose(intercept, ridge.intercept_, rtol=1e-7, atol=1e-9)


def test_ridge_solves_more_features_than_samples():
    X, y = RNG.normal(size=(5, 12)), RNG.normal(size=5)
    coef, intercept = lm.ridge_closed_form(X, y, 1.0)
    ref = linear_model.Ridge(alpha=1.0).fit(X, y)
    assert_allclose(coef, ref.coef_, rtol=1e-7, atol=1e-10)
    assert_allclose(intercept, ref.intercept_, rtol=1e-7)


def test_mse_loss_and_gradient_match_torch():
    X, y = _regression(50, 4)
    w, b = RNG.normal(size=4), 0.7
    loss, grad_w, grad_b = lm.mse_loss_and_gradient(X, y, w, b)
    wt = torch.tensor(w, requires_grad=True)
    bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    lt = torch.mean((torch.tensor(X) @ wt + bt - torch.tensor(y)) ** 2)
    lt.backward()
    assert_allclose(loss, metrics.mean_squared_error(y, X @ w + b), rtol=1e-12)
    assert_allclose(grad_w, wt.grad.numpy(), rtol=1e-10)
    assert_allclose(grad_b, bt.grad.item(), rtol=1e-10)


def test_gradient_descent_reaches_least_squares():
    X, y = _regression(60, 3)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    coef, intercept, losses = lm.fit_gradient_descent(X, y, lr=0.1, num_epochs=2000)
    ref = linear_model.LinearRegression().fit(X, y)
    assert_allclose(coef, ref.coef_, rtol=1e-8)
    assert_allclose(intercept, ref.intercept_, rtol=1e-8)
    assert losses.shape == (2000,) and np.all(np.diff(losses) <= 1e-12)
    assert_allclose(losses[0], np.mean(y**2))


def test_sigmoid_matches_expit_without_warnings():
    z = np.concatenate([np.linspace(-50, 50, 101), [-1e4, -745.0, 745.0, 1e4]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            assert_allclose(lm.sigmoid(z), special.expit(z), rtol=1e-14, atol=1e-300)
    assert lm.sigmoid(0.0) == 0.5 and isinstance(lm.sigmoid(1.0), float)
    assert lm.sigmoid(np.zeros((2, 3))).shape == (2, 3)


@pytest.mark.parametrize("seed", range(3))
def test_log_loss_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = (rng.random(40) < 0.5).astype(float)
    p = rng.uniform(size=40)
    p[:3] = [0.0, 1.0, 0.5]
    assert_allclose(lm.log_loss(y, p), metrics.log_loss(y, p, labels=[0, 1]), rtol=1e-12)


def test_log_loss_gradient_matches_torch():
    X, y = _binary(80, 5)
    w, b = RNG.normal(size=5) * 3, -0.4
    grad_w, grad_b = lm.log_loss_gradient(X, y, w, b)
    wt = torch.tensor(w, requires_grad=True)
    bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(
        torch.tensor(X) @ wt + bt, torch.tensor(y))
    loss.backward()
    assert_allclose(grad_w, wt.grad.numpy(), rtol=1e-10, atol=1e-14)
    assert_allclose(grad_b, bt.grad.item(), rtol=1e-10, atol=1e-14)


def test_fit_logistic_converges_to_unpenalised_sklearn():
    X, y = _binary(200, 2)
    w, b = lm.fit_logistic(X, y, lr=1.0, num_epochs=3000)
    ref = linear_model.LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    assert_allclose(w, ref.coef_[0], rtol=1e-5)
    assert_allclose(b, ref.intercept_[0], rtol=1e-5, atol=1e-7)


def test_softmax_matches_scipy_and_is_stable():
    Z = np.vstack([RNG.normal(size=(4, 3)), [[1000.0, 0.0, -1000.0]]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert_allclose(lm.softmax(Z), special.softmax(Z, axis=1), rtol=1e-12, atol=1e-300)
    with pytest.raises(ValueError):
        lm.softmax(np.ones(3))


def test_fit_softmax_matches_sklearn_probabilities():
    centres = np.array([[0.0, 0.0], [1.5, 0.5], [0.5, 1.5]])
    y = RNG.integers(0, 3, size=150)
    X = centres[y] + RNG.normal(size=(150, 2))
    W, b = lm.fit_softmax(X, y, 3, lr=1.0, num_epochs=3000)
    ref = linear_model.LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    assert W.shape == (3, 2) and b.shape == (3,)
    assert_allclose(lm.softmax(X @ W.T + b), ref.predict_proba(X), rtol=1e-4, atol=1e-6)


def test_standardize_matches_standard_scaler():
    X = RNG.normal(3, 2, size=(30, 4))
    X[:, 2] = 0.1  # constant, with a rounding error in its mean
    Z, mean, scale = standardize(X)
    ref = preprocessing.StandardScaler().fit(X)
    assert_allclose(Z, ref.transform(X), atol=1e-12)
    assert_allclose(mean, ref.mean_)
    assert_allclose(scale, ref.scale_)


@pytest.mark.parametrize(("fn", "args"), [
    (lm.normal_equation, (np.ones((3, 2)), np.ones(4))),
    (lm.normal_equation, (np.ones(3), np.ones(3))),
    (lm.mse_loss_and_gradient, (np.ones((3, 2)), np.ones(3), np.ones(3), 0.0)),
    (lm.fit_gradient_descent, (np.ones((3, 2)), np.ones(3), 0.0, 5)),
    (lm.fit_gradient_descent, (np.ones((3, 2)), np.ones(3), 0.1, -1)),
    (lm.ridge_closed_form, (np.ones((3, 2)), np.ones(3), -1.0)),
    (lm.log_loss, (np.array([0.0, 2.0]), np.array([0.5, 0.5]))),
    (lm.log_loss, (np.array([0.0, 1.0]), np.array([0.5, 1.2]))),
    (lm.log_loss_gradient, (np.ones((2, 1)), np.array([0.0, 3.0]), np.zeros(1), 0.0)),
    (lm.fit_logistic, (np.ones((2, 1)), np.array([1.0, 2.0]))),
    (lm.fit_softmax, (np.ones((2, 1)), np.array([0.0, 3.0]), 3)),
    (lm.fit_softmax, (np.ones((2, 1)), np.array([0.0, 1.0]), 1)),
    (standardize, (np.array([[1.0, np.inf]]),)),
])
def test_pieces_reject_invalid_input(fn, args):
    with pytest.raises(ValueError):
        fn(*args)


# ---------------------------------------------------------------------------------------------
# The estimators


def test_linear_regression_and_ridge_match_sklearn_on_diabetes():
    X, y = datasets.load_diabetes(return_X_y=True)
    for ours, theirs in ((LinearRegression(), linear_model.LinearRegression()),
                         (Ridge(alpha=0.5), linear_model.Ridge(alpha=0.5)),
                         (Ridge(alpha=3.0, fit_intercept=False),
                          linear_model.Ridge(alpha=3.0, fit_intercept=False))):
        ours.fit(X, y)
        theirs.fit(X, y)
        assert_allclose(ours.coef_, theirs.coef_, rtol=1e-7, atol=1e-8)
        assert_allclose(ours.intercept_, theirs.intercept_, rtol=1e-9, atol=1e-9)
        assert abs(ours.score(X, y) - theirs.score(X, y)) < 1e-9


def test_linear_regression_handles_collinear_features_like_sklearn():
    X, y = _regression(30, 3)
    X = np.column_stack([X, 2 * X[:, 0]])  # rank deficient: the minimum-norm solution
    ours, theirs = LinearRegression().fit(X, y), linear_model.LinearRegression().fit(X, y)
    assert_allclose(ours.coef_, theirs.coef_, rtol=1e-6, atol=1e-8)
    assert ours.rank_ == 3


@pytest.mark.parametrize("name", ["iris", "wine", "breast_cancer", "digits"])
@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
def test_logistic_regression_matches_sklearn(name, C):
    X, y = _scaled(name)
    ours = LogisticRegression(C=C, max_iter=1000).fit(X, y)
    theirs = linear_model.LogisticRegression(C=C, max_iter=1000).fit(X, y)
    assert abs(ours.score(X, y) - theirs.score(X, y)) <= 0.01
    assert ours.coef_.shape == theirs.coef_.shape
    assert ours.intercept_.shape == theirs.intercept_.shape
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-3)


def test_logistic_regression_outputs_are_consistent():
    X, y = _scaled("iris")
    labels = np.array(["setosa", "versicolor", "virginica"])[y]
    model = LogisticRegression().fit(X, labels)
    assert list(model.classes_) == list(labels[[0, 50, 100]])
    proba = model.predict_proba(X)
    assert_allclose(proba.sum(axis=1), 1.0)
    assert_allclose(model.predict_log_proba(X), np.log(proba), rtol=1e-10, atol=1e-12)
    assert (model.predict(X) == model.classes_[model.decision_function(X).argmax(axis=1)]).all()

    Xb, yb = _scaled("breast_cancer")
    binary = LogisticRegression(fit_intercept=False).fit(Xb, yb)
    ref = linear_model.LogisticRegression(fit_intercept=False).fit(Xb, yb)
    assert binary.coef_.shape == (1, 30) and binary.decision_function(Xb).shape == (569,)
    assert_allclose(binary.intercept_, [0.0])
    assert_allclose(binary.coef_, ref.coef_, rtol=1e-3, atol=1e-4)
    assert_allclose(binary.predict_log_proba(Xb), ref.predict_log_proba(Xb), atol=1e-3)


def test_logistic_regression_invalid_input():
    X, y = _scaled("iris")
    with pytest.raises(ValueError, match="class"):
        LogisticRegression().fit(X, np.zeros(len(X)))
    for params in ({"C": 0.0}, {"C": -1.0}, {"max_iter": 0}, {"tol": -1.0}):
        with pytest.raises(ValueError):
            LogisticRegression(**params).fit(X, y)
    with pytest.warns(ConvergenceWarning):
        LogisticRegression(max_iter=1).fit(X, y)


@pytest.mark.parametrize(("with_mean", "with_std"),
                         [(True, True), (True, False), (False, True), (False, False)])
def test_standard_scaler_matches_sklearn(with_mean, with_std):
    X, _ = datasets.load_wine(return_X_y=True)
    X = np.column_stack([X, np.full(len(X), 7.0)])  # a constant column
    ours = StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
    theirs = preprocessing.StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
    for attr in ("mean_", "var_", "scale_"):
        mine, ref = getattr(ours, attr), getattr(theirs, attr)
        assert (mine is None) == (ref is None), attr
        if ref is not None:
            assert_allclose(mine, ref, rtol=1e-10)
    assert ours.n_samples_seen_ == theirs.n_samples_seen_ == len(X)
    Z = ours.transform(X)
    assert_allclose(Z, theirs.transform(X), atol=1e-12)
    assert_allclose(ours.inverse_transform(Z), X, rtol=1e-12)
    assert not np.shares_memory(Z, X)
