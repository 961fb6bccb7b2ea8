"""Checks for the linear-regression and logistic-regression exercises.

Expected values come from scikit-learn (``LinearRegression``, ``Ridge``, ``StandardScaler``,
``LogisticRegression``, ``metrics.mean_squared_error``, ``metrics.log_loss``), SciPy
(``special.expit``, ``special.softmax``), central finite differences of losses written here
with NumPy, and short gradient-descent runs re-computed here by plain NumPy loops.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import special
from sklearn import linear_model, metrics, preprocessing

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.linear_models_drivers"


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _regression_data(rng: np.random.Generator, n: int, d: int, offset: float = 0.0,
                     noise: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    X = rng.normal(size=(n, d)) + offset
    y = X @ rng.normal(size=d) + float(rng.normal()) * 3 + noise * rng.normal(size=n)
    return X, y


def _binary_data(rng: np.random.Generator, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Overlapping classes (not separable), so that the unpenalised optimum exists."""
    X = rng.normal(size=(n, d))
    y = (X @ rng.normal(size=d) + 0.3 + rng.normal(size=n) > 0).astype(float)
    return X, y


def _three_classes(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    centres = np.array([[0.0, 0.0], [1.5, 0.5], [0.5, 1.5]])
    y = rng.integers(0, 3, size=n)
    return centres[y] + rng.normal(size=(n, 2)), y.astype(float)


def _fd_gradient(loss: Callable[[np.ndarray, float], float], w: Any, b: float,
                 h: float = 1e-6) -> tuple[np.ndarray, float]:
    """Central differences of ``loss(w, b)`` in every coordinate of w, and in b."""
    w = np.asarray(w, dtype=float)
    grad_w = np.empty_like(w)
    for j in range(w.size):
        e = np.zeros_like(w)
        e[j] = h
        grad_w[j] = (loss(w + e, b) - loss(w - e, b)) / (2 * h)
    return grad_w, (loss(w, b + h) - loss(w, b - h)) / (2 * h)


# ---------------------------------------------------------------------------------------------
# Linear regression

def _sk_linear(X: Any, y: Any, fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    model = linear_model.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    return model.coef_, float(model.intercept_)


def normal_equation() -> list[Check]:
    rng = _rng(10)
    X_zero = rng.normal(size=(8, 3))
    X_zero[:, 1] = 0.0
    return [
        Check("a perfect line", [Case(np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0]))],
              expect=close_to(_sk_linear),
              hint="Prepend a column of ones to X, then solve (A^T A) theta = A^T y; theta[0] is "
                   "the intercept."),
        Check("noisy data, several features",
              [Case(*_regression_data(rng, 40, 3)), Case(*_regression_data(rng, 12, 1))],
              expect=close_to(_sk_linear),
              hint="Return (coef, intercept): coef has one weight per feature (not the "
                   "intercept), intercept is a float."),
        Check("without an intercept", [Case(*_regression_data(rng, 30, 2), fit_intercept=False)],
              expect=close_to(_sk_linear),
              hint="With fit_intercept=False there is no column of ones: solve X^T X w = X^T y, "
                   "and the intercept is 0.0."),
        Check("invalid input",
              [Case(np.ones((4, 2)), np.ones(3)), Case(np.ones(4), np.ones(4)),
               Case(np.ones((3, 2)), np.ones((3, 1)))],
              expect=raises(ValueError),
              hint="X must be 2-D (n_samples, n_features) and y 1-D with as many samples: raise "
                   "ValueError otherwise."),
        Check("a feature that is always 0", [Case(X_zero, rng.normal(size=8))],
              expect=raises(ValueError),
              hint="A^T A is singular then: np.linalg.solve raises LinAlgError, a ValueError; "
                   "let it through (do not replace solve with a pseudo-inverse)."),
        Check("shifted, correlated features",
              [Case(*_regression_data(rng, 200, 6, offset=5.0)),
               Case(*_regression_data(rng, 25, 4, offset=-2.0), fit_intercept=False)],
              expect=close_to(_sk_linear, rtol=1e-6, atol=1e-8, hidden=True), hidden=True,
              hint="Solve with np.linalg.solve on A^T A and A^T y; check the intercept column."),
    ]


def _mse_reference(X: Any, y: Any, w: Any, b: float) -> tuple[float, np.ndarray, float]:
    X, y = np.asarray(X, float), np.asarray(y, float)

    def loss(w_: np.ndarray, b_: float) -> float:
        return float(metrics.mean_squared_error(y, X @ w_ + b_))

    grad_w, grad_b = _fd_gradient(loss, w, b, h=1e-5)
    return loss(np.asarray(w, float), b), grad_w, grad_b


def mse_gradient() -> list[Check]:
    rng = _rng(11)
    ref = close_to(_mse_reference, rtol=1e-6, atol=1e-7)
    X, y = _regression_data(rng, 30, 3)
    return [
        Check("one feature", [Case(np.array([[1.0], [2.0]]), np.array([1.0, 3.0]), np.array([1.0]),
                                   0.0)],
              expect=ref,
              hint="Residuals r = X @ w + b - y; the loss is mean(r**2), grad_w = 2 X^T r / n, "
                   "grad_b = 2 mean(r)."),
        Check("random data", [Case(X, y, rng.normal(size=3), 0.5),
                              Case(X, y, np.zeros(3), 0.0)],
              expect=ref, hint="Return (loss, grad_w, grad_b) with grad_w of shape (n_features,)."),
        Check("at the least-squares solution the gradient is 0",
              [Case(X, y, *_sk_linear(X, y))], expect=ref,
              hint="Subtract y from the predictions (not the other way round) and average."),
        Check("invalid input",
              [Case(X, y, np.zeros(2), 0.0), Case(X, y[:-1], np.zeros(3), 0.0)],
              expect=raises(ValueError),
              hint="Raise ValueError when w has the wrong length or X and y disagree."),
        Check("larger random data",
              [Case(*_regression_data(rng, 500, 8, offset=2.0), rng.normal(size=8),
                    float(rng.normal()))],
              expect=close_to(_mse_reference, rtol=1e-6, atol=1e-6, hidden=True), hidden=True,
              hint="Divide by n (the number of samples), not by n_features."),
    ]


def _gd_loop(X: Any, y: Any, lr: float = 0.1,
             num_epochs: int = 1000) -> tuple[np.ndarray, float, np.ndarray]:
    """Full-batch gradient descent on the mean squared error, written out independently."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    n = len(y)
    w, b, losses = np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_epochs):
        r = X @ w + b - y
        losses.append(np.mean(r**2))
        w, b = w - lr * 2 * X.T @ r / n, b - lr * 2 * np.mean(r)
    return w, b, np.array(losses)


def _converges_to_least_squares(case: Case, value: Any) -> str | None:
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        return "return a tuple (coef, intercept, losses)"
    coef, intercept = _sk_linear(case.args[0], case.args[1])
    return (compare_values(coef, value[0], rtol=1e-4, atol=1e-5, what="coefficient vector")
            or compare_values(intercept, value[1], rtol=1e-4, atol=1e-5, what="intercept"))


def gradient_descent_fit() -> list[Check]:
    rng = _rng(12)
    X, y = _regression_data(rng, 50, 3)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    X2, y2 = _regression_data(rng, 80, 4)
    X2 = (X2 - X2.mean(axis=0)) / X2.std(axis=0)
    return [
        Check("the first three steps", [Case(X, y, lr=0.1, num_epochs=3)],
              expect=close_to(_gd_loop),
              hint="Start at w = 0, b = 0; record the loss BEFORE each step, then step: "
                   "w -= lr * grad_w, b -= lr * grad_b."),
        Check("no steps at all", [Case(X, y, lr=0.1, num_epochs=0)], expect=close_to(_gd_loop),
              hint="num_epochs = 0 returns the starting point w = 0, b = 0 and an empty losses "
                   "array."),
        Check("converges to the least-squares line",
              [Case(X, y, lr=0.1, num_epochs=2000)],
              expect=satisfies(_converges_to_least_squares),
              hint="After enough steps on standardised features, gradient descent reaches the "
                   "normal-equation solution; check the gradient's factor 2 / n."),
        Check("invalid input",
              [Case(X, y, lr=0.0, num_epochs=5), Case(X, y, lr=-0.1, num_epochs=5),
               Case(X, y, lr=0.1, num_epochs=-1), Case(X, y[:5], lr=0.1, num_epochs=5)],
              expect=raises(ValueError),
              hint="Raise ValueError for lr <= 0, num_epochs < 0, or X and y of different "
                   "lengths."),
        Check("other data, longer run",
              [Case(X2, y2, lr=0.05, num_epochs=50)],
              expect=close_to(_gd_loop, rtol=1e-6, atol=1e-8, hidden=True), hidden=True,
              hint="Use the full batch (all samples) for every step, and average over n."),
    ]


def _sk_ridge(X: Any, y: Any, alpha: float = 1.0,
              fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    model = linear_model.Ridge(alpha=alpha, fit_intercept=fit_intercept, solver="svd").fit(X, y)
    return model.coef_, float(model.intercept_)


def ridge_closed_form() -> list[Check]:
    rng = _rng(13)
    X, y = _regression_data(rng, 30, 3, offset=3.0)
    return [
        Check("a small example", [Case(np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0]),
                                       alpha=2.0)],
              expect=close_to(_sk_ridge),
              hint="Centre X and y, solve (Xc^T Xc + alpha I) w = Xc^T yc, then "
                   "b = mean(y) - mean(X) @ w."),
        Check("several penalties", [Case(X, y, alpha=a) for a in (0.1, 1.0, 10.0)],
              expect=close_to(_sk_ridge),
              hint="The intercept is not penalised: centre the data instead of adding a column "
                   "of ones to the penalised weights."),
        Check("alpha = 0 is least squares", [Case(X, y, alpha=0.0)], expect=close_to(_sk_ridge),
              hint="With alpha = 0 the equation is the normal equation of the centred data."),
        Check("without an intercept", [Case(X, y, alpha=3.0, fit_intercept=False)],
              expect=close_to(_sk_ridge),
              hint="With fit_intercept=False do not centre: solve (X^T X + alpha I) w = X^T y, "
                   "intercept 0.0."),
        Check("more features than samples",
              [Case(rng.normal(size=(5, 10)), rng.normal(size=5), alpha=1.0)],
              expect=close_to(_sk_ridge),
              hint="X^T X is singular here, but X^T X + alpha I is not: the penalty makes the "
                   "problem solvable."),
        Check("invalid input",
              [Case(X, y, alpha=-1.0), Case(X, y[:3], alpha=1.0), Case(X[:, 0], y, alpha=1.0)],
              expect=raises(ValueError),
              hint="Raise ValueError for alpha < 0 or badly shaped X and y."),
        Check("shifted features, strong penalty",
              [Case(*_regression_data(rng, 100, 5, offset=10.0), alpha=50.0),
               Case(*_regression_data(rng, 40, 3, offset=-4.0), alpha=0.5)],
              expect=close_to(_sk_ridge, rtol=1e-6, atol=1e-8, hidden=True), hidden=True,
              hint="Add alpha to the diagonal of Xc^T Xc only (not to an intercept entry)."),
    ]


def _sk_standardize(X: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    scaler = preprocessing.StandardScaler().fit(X)
    return scaler.transform(X), scaler.mean_, scaler.scale_


def standardize() -> list[Check]:
    rng = _rng(14)
    with_constant = rng.normal(size=(7, 3)) * 4 + 2
    with_constant[:, 1] = 0.1  # the mean of seven 0.1s is not exactly 0.1 in floating point
    with_constant[:, 2] = 3.0
    return [
        Check("a small example", [Case(np.array([[1.0, 10.0], [3.0, 20.0], [5.0, 60.0]]))],
              expect=close_to(_sk_standardize),
              hint="Per column (axis=0): subtract the mean, divide by the standard deviation."),
        Check("random data", [Case(rng.normal(5, 3, size=(40, 4))), Case(rng.normal(size=(2, 1)))],
              expect=close_to(_sk_standardize),
              hint="The standard deviation divides by n (ddof = 0), not n - 1."),
        Check("constant columns", [Case(with_constant)],
              expect=close_to(_sk_standardize, atol=1e-8),
              hint="A constant column has standard deviation 0 (or a rounding error near 0): "
                   "give it scale 1 so that it becomes zeros, not NaN. Test "
                   "`np.all(X == X[0], axis=0)`."),
        Check("invalid input",
              [Case(np.ones(5)), Case(np.array([[1.0, np.nan], [2.0, 3.0]])),
               Case(np.zeros((0, 3)))],
              expect=raises(ValueError),
              hint="Raise ValueError for X that is not 2-D, is empty, or holds NaN."),
        Check("large values, small spread",
              [Case(1e6 + rng.normal(size=(200, 3))), Case(rng.exponential(size=(50, 6)))],
              expect=close_to(_sk_standardize, rtol=1e-6, atol=1e-8, hidden=True), hidden=True,
              hint="Subtract the mean before squaring (E[x^2] - E[x]^2 cancels catastrophically)."),
    ]


# ---------------------------------------------------------------------------------------------
# Logistic regression

def _expit_of(function: str, z: Any) -> Any:
    return special.expit(np.asarray(z, dtype=float))


def sigmoid() -> list[Check]:
    rng = _rng(20)
    ref = close_to(special.expit, atol=1e-15)
    return [
        Check("a few values", [Case(0.0), Case(2.0), Case(np.array([-3.0, -1.0, 0.5, 4.0]))],
              expect=ref, hint="sigma(z) = 1 / (1 + exp(-z))."),
        Check("keeps the shape", [Case(rng.normal(size=(2, 3)))], expect=ref,
              hint="Work on the whole array with NumPy functions: the result has z's shape."),
        Check("very large |z| without overflow",
              [Case("sigmoid", np.array([-1000.0, -745.0, -40.0, 40.0, 745.0, 1000.0]),
                    driver=f"{DRIVERS}:without_overflow",
                    label="z = [-1000, -745, -40, 40, 745, 1000], with NumPy's overflow "
                          "warnings turned into errors")],
              expect=close_to(_expit_of, atol=1e-15),
              hint="exp(-z) overflows for z < -709. For negative z use the equal form "
                   "exp(z) / (1 + exp(z)); np.exp(-np.abs(z)) is always safe, and np.where picks "
                   "the right formula."),
        Check("random scores",
              [Case(rng.normal(size=50) * 30), Case(float(rng.normal() * 5))],
              expect=close_to(special.expit, atol=1e-15, hidden=True), hidden=True,
              hint="Both formulas must give the same values: check the branch for negative z."),
    ]


def _sk_log_loss(y: Any, p: Any) -> float:
    return float(metrics.log_loss(y, p, labels=[0, 1]))


def log_loss() -> list[Check]:
    rng = _rng(21)
    y = (rng.random(30) < 0.4).astype(float)
    p = rng.uniform(0.01, 0.99, size=30)
    return [
        Check("a small example", [Case(np.array([1.0, 0.0]), np.array([0.9, 0.2]))],
              expect=close_to(_sk_log_loss),
              hint="-mean(y log p + (1 - y) log(1 - p))."),
        Check("random predictions", [Case(y, p), Case(np.ones(4), np.array([0.5, 0.6, 0.7, 0.8]))],
              expect=close_to(_sk_log_loss), hint="Average over the samples; mind the minus sign."),
        Check("certain predictions, right and wrong",
              [Case(np.array([1.0, 0.0]), np.array([1.0, 0.0])),
               Case(np.array([1.0, 0.0, 1.0]), np.array([0.0, 0.0, 1.0]))],
              expect=close_to(_sk_log_loss, rtol=1e-9, atol=1e-12),
              hint="log(0) is -inf: clip p to [eps, 1 - eps] with eps = np.finfo(float).eps "
                   "first, as scikit-learn does."),
        Check("invalid input",
              [Case(np.array([0.0, 2.0]), np.array([0.5, 0.5])),
               Case(np.array([0.0, 1.0]), np.array([0.5, 1.5])),
               Case(np.array([0.0, 1.0]), np.array([0.5])), Case(np.array([]), np.array([]))],
              expect=raises(ValueError),
              hint="Raise ValueError for labels other than 0/1, probabilities outside [0, 1], "
                   "lengths that differ, or no samples."),
        Check("many samples",
              [Case((rng.random(500) < 0.7).astype(float), rng.uniform(size=500))],
              expect=close_to(_sk_log_loss, hidden=True), hidden=True,
              hint="Use the natural logarithm (np.log) and divide by n."),
    ]


def _log_loss_grad_reference(X: Any, y: Any, w: Any, b: float) -> tuple[np.ndarray, float]:
    X, y = np.asarray(X, float), np.asarray(y, float)

    def loss(w_: np.ndarray, b_: float) -> float:
        z = X @ w_ + b_
        return float(np.mean(np.logaddexp(0.0, z) - y * z))  # log(1 + e^z) - y z

    return _fd_gradient(loss, w, b)


def log_loss_gradient() -> list[Check]:
    rng = _rng(22)
    ref = close_to(_log_loss_grad_reference, rtol=1e-5, atol=1e-7)
    X, y = _binary_data(rng, 40, 3)
    return [
        Check("a tiny example",
              [Case(np.array([[1.0], [-1.0]]), np.array([1.0, 0.0]), np.array([0.0]), 0.0)],
              expect=ref, hint="grad_w = X^T (sigmoid(X w + b) - y) / n, grad_b = mean(sigmoid(...) - y)."),
        Check("random weights", [Case(X, y, rng.normal(size=3), 0.3), Case(X, y, np.zeros(3), 0.0)],
              expect=ref, hint="Return (grad_w, grad_b): an array of shape (n_features,) and a float."),
        Check("large scores",
              [Case(X * 20, y, rng.normal(size=3), -1.0)], expect=ref,
              hint="With |z| in the hundreds, use a stable sigmoid (see logreg.sigmoid)."),
        Check("invalid input",
              [Case(X, y + 1, np.zeros(3), 0.0), Case(X, y, np.zeros(4), 0.0)],
              expect=raises(ValueError),
              hint="Raise ValueError when a label is not 0/1 or w's length differs from "
                   "n_features."),
        Check("more data",
              [Case(*_binary_data(rng, 300, 6), rng.normal(size=6), float(rng.normal()))],
              expect=close_to(_log_loss_grad_reference, rtol=1e-5, atol=1e-7, hidden=True),
              hidden=True, hint="It is prediction minus label, times x, averaged over the samples."),
    ]


def _logistic_loop(X: Any, y: Any, lr: float = 0.1,
                   num_epochs: int = 1000) -> tuple[np.ndarray, float]:
    X, y = np.asarray(X, float), np.asarray(y, float)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_epochs):
        error = special.expit(X @ w + b) - y
        w, b = w - lr * X.T @ error / len(y), b - lr * float(np.mean(error))
    return w, b


def _matches_unpenalised_sklearn(case: Case, value: Any) -> str | None:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return "return a tuple (w, b)"
    model = linear_model.LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000)
    model.fit(case.args[0], case.args[1])
    return (compare_values(model.coef_[0], value[0], rtol=1e-3, atol=1e-4, what="weight vector")
            or compare_values(model.intercept_[0], value[1], rtol=1e-3, atol=1e-4,
                              what="intercept"))


def fit_binary() -> list[Check]:
    rng = _rng(23)
    X, y = _binary_data(rng, 200, 2)
    X2, y2 = _binary_data(rng, 150, 4)
    return [
        Check("the first five steps", [Case(X, y, lr=0.5, num_epochs=5)],
              expect=close_to(_logistic_loop),
              hint="Start at w = 0, b = 0; each epoch: w -= lr * grad_w, b -= lr * grad_b with "
                   "the log-loss gradient (see logreg.log_loss_gradient)."),
        Check("no steps at all", [Case(X, y, lr=0.5, num_epochs=0)],
              expect=close_to(_logistic_loop), hint="num_epochs = 0 returns w = 0, b = 0.0."),
        Check("converges to scikit-learn's unpenalised fit",
              [Case(X, y, lr=1.0, num_epochs=3000)],
              expect=satisfies(_matches_unpenalised_sklearn),
              hint="Descend (subtract the gradient) and update the bias too; the optimum is "
                   "where the gradient vanishes."),
        Check("invalid input",
              [Case(X, y + 1, lr=0.1, num_epochs=5), Case(X, y, lr=0.0, num_epochs=5),
               Case(X, y, lr=0.1, num_epochs=-2)],
              expect=raises(ValueError),
              hint="Raise ValueError for labels other than 0/1, lr <= 0 or num_epochs < 0."),
        Check("other data", [Case(X2, y2, lr=0.3, num_epochs=40)],
              expect=close_to(_logistic_loop, rtol=1e-6, atol=1e-8, hidden=True), hidden=True,
              hint="Average the gradient over all samples (divide by n) at every step."),
    ]


def _scipy_softmax(Z: Any) -> np.ndarray:
    return special.softmax(np.asarray(Z, dtype=float), axis=1)


def _softmax_loop(X: Any, y: Any, n_classes: int, lr: float = 0.1,
                  num_epochs: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    X, y = np.asarray(X, float), np.asarray(y).astype(int)
    Y = np.eye(n_classes)[y]
    W, b = np.zeros((n_classes, X.shape[1])), np.zeros(n_classes)
    for _ in range(num_epochs):
        error = special.softmax(X @ W.T + b, axis=1) - Y
        W, b = W - lr * error.T @ X / len(y), b - lr * error.mean(axis=0)
    return W, b


def _same_probabilities_as_sklearn(case: Case, value: Any) -> str | None:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return "return a tuple (W, b)"
    X, y = case.args[0], case.args[1]
    model = linear_model.LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    W, b = np.asarray(value[0], dtype=float), np.asarray(value[1], dtype=float)
    if W.shape != model.coef_.shape or b.shape != model.intercept_.shape:
        return (f"W should have shape {model.coef_.shape} and b {model.intercept_.shape}, got "
                f"{W.shape} and {b.shape}")
    return compare_values(model.predict_proba(X), _scipy_softmax(X @ W.T + b), rtol=1e-3,
                          atol=1e-4, what="predicted probabilities softmax(X W^T + b)")


def softmax_regression() -> list[Check]:
    rng = _rng(24)
    X, y = _three_classes(rng, 150)
    X4 = rng.normal(size=(60, 3))
    y4 = rng.integers(0, 4, size=60).astype(float)
    return [
        Check("softmax of a few rows", [Case(np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])),
                                        Case(rng.normal(size=(5, 4)))],
              expect=close_to(_scipy_softmax), function="softmax",
              hint="Exponentiate, then divide each row by its sum (axis=1, keepdims=True)."),
        Check("softmax of huge scores",
              [Case("softmax", np.array([[1000.0, 0.0], [-1000.0, -1001.0]]),
                    driver=f"{DRIVERS}:without_overflow",
                    label="Z = [[1000, 0], [-1000, -1001]], with NumPy's overflow warnings "
                          "turned into errors")],
              expect=close_to(lambda function, Z: _scipy_softmax(Z)), function="softmax",
              hint="Subtract each row's maximum before np.exp: the result is the same, and "
                   "nothing overflows."),
        Check("softmax of a 1-D array", [Case(np.ones(3))], expect=raises(ValueError),
              function="softmax", hint="Z must be 2-D (n_samples, n_classes): raise ValueError."),
        Check("the first three steps", [Case(X, y, 3, lr=0.5, num_epochs=3)],
              expect=close_to(_softmax_loop), function="fit_softmax",
              hint="One-hot Y (n, K); error = softmax(X W^T + b) - Y; W -= lr * error^T X / n, "
                   "b -= lr * mean of error over the samples."),
        Check("converges to scikit-learn's probabilities",
              [Case(X, y, 3, lr=1.0, num_epochs=3000)],
              expect=satisfies(_same_probabilities_as_sklearn), function="fit_softmax",
              hint="W has one row per class, shape (n_classes, n_features); b has one entry per "
                   "class."),
        Check("invalid input",
              [Case(X, y, 2), Case(X, y, 1), Case(X, y + 0.5, 3)],
              expect=raises(ValueError), function="fit_softmax",
              hint="Raise ValueError when a label is not a whole number in [0, n_classes) or "
                   "n_classes < 2."),
        Check("four classes", [Case(X4, y4, 4, lr=0.2, num_epochs=20)],
              expect=close_to(_softmax_loop, rtol=1e-6, atol=1e-8, hidden=True),
              function="fit_softmax", hidden=True,
              hint="Average the gradient over the samples; row k of W belongs to class k."),
    ]
