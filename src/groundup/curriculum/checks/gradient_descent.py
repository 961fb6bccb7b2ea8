"""Checks for the gradient-descent exercises.

Expected paths come from closed forms (on the quadratic bowl f(x) = 0.5 x^T A x - b^T x,
gradient descent is x_k = x* + (I - lr A)^k (x0 - x*)) and from independent NumPy loops written
here; the loss gradient is checked against finite differences; fitted lines against
``numpy.polyfit`` and ``scipy.stats.linregress``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.stats import linregress

from groundup.curriculum.checks import calculus_drivers as fns
from groundup.grading.spec import Case, Check, close_to, raises

# ---------------------------------------------------------------------------------------------
# Paths


def _spd(rng: np.random.Generator, n: int, low: float = 0.5, high: float = 4.0) -> np.ndarray:
    """A random symmetric positive-definite matrix with eigenvalues in [low, high]."""
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return (Q * rng.uniform(low, high, size=n)) @ Q.T


def _bowl_case(A: Any, b: Any, x0: Any, lr: float, num_iters: int, **extra: Any) -> Case:
    A, b, x0 = np.asarray(A, float), np.asarray(b, float), np.asarray(x0, float)
    label = (f"grad(x) = A x - b with A of shape {A.shape}, x0 = {np.round(x0, 3).tolist()}, "
             f"lr = {lr:g}, num_iters = {num_iters}"
             + "".join(f", {k} = {v:g}" for k, v in extra.items()))
    return Case(fns.BowlGradient(A, b), x0, lr=lr, num_iters=num_iters, label=label, **extra)


def _rosenbrock_case(x0: Any, lr: float, num_iters: int, **extra: Any) -> Case:
    label = (f"the Rosenbrock valley, x0 = {list(x0)}, lr = {lr:g}, num_iters = {num_iters}"
             + "".join(f", {k} = {v:g}" for k, v in extra.items()))
    return Case(fns.rosenbrock_gradient, np.asarray(x0, float), lr=lr, num_iters=num_iters,
                label=label, **extra)


def _descent_closed_form(grad: Any, x0: Any, lr: float = 0.1,
                         num_iters: int = 100) -> np.ndarray:
    """x_k = x* + (I - lr A)^k (x0 - x*) on a bowl; a plain NumPy loop on Rosenbrock."""
    x0 = np.asarray(x0, dtype=float)
    if isinstance(grad, fns.BowlGradient):
        x_star = np.linalg.solve(grad.A, grad.b)
        step = np.eye(len(x0)) - lr * grad.A
        return np.array([x_star + np.linalg.matrix_power(step, k) @ (x0 - x_star)
                         for k in range(num_iters + 1)])
    path = [x0]
    for _ in range(num_iters):
        path.append(path[-1] - lr * fns.rosenbrock_gradient(path[-1]))
    return np.array(path)


def _momentum_closed_form(grad: Any, x0: Any, lr: float = 0.01, beta: float = 0.9,
                          num_iters: int = 100) -> np.ndarray:
    """On a bowl, (x, v) evolves linearly:  v' = beta v + A x - b,  x' = x - lr v'."""
    x0 = np.asarray(x0, dtype=float)
    n = len(x0)
    if isinstance(grad, fns.BowlGradient):
        A, b, eye = grad.A, grad.b, np.eye(n)
        # State s = (x, v, 1): s' = M s, a (2n + 1) x (2n + 1) matrix.
        M = np.zeros((2 * n + 1, 2 * n + 1))
        M[:n, :n], M[:n, n:2 * n], M[:n, -1] = eye - lr * A, -lr * beta * eye, lr * b
        M[n:2 * n, :n], M[n:2 * n, n:2 * n], M[n:2 * n, -1] = A, beta * eye, -b
        M[-1, -1] = 1.0
        s0 = np.concatenate([x0, np.zeros(n), [1.0]])
        return np.array([(np.linalg.matrix_power(M, k) @ s0)[:n] for k in range(num_iters + 1)])
    xs, v = [x0], np.zeros(n)
    for _ in range(num_iters):
        v = beta * v + fns.rosenbrock_gradient(xs[-1])
        xs.append(xs[-1] - lr * v)
    return np.array(xs)


def _invalid_descent(extra: dict[str, Any]) -> list[Case]:
    grad = fns.BowlGradient(np.eye(2), np.zeros(2))
    return [Case(grad, np.ones(2), lr=0.0, num_iters=5, label="lr = 0", **extra),
            Case(grad, np.ones(2), lr=-0.1, num_iters=5, label="lr = -0.1", **extra),
            Case(grad, np.ones((2, 1)), lr=0.1, num_iters=5, label="x0 of shape (2, 1)",
                 **extra),
            Case(grad, np.ones(2), lr=0.1, num_iters=-1, label="num_iters = -1", **extra)]


_PATH_TOL: dict[str, Any] = {"rtol": 1e-9, "atol": 1e-10}


def gradient_descent() -> list[Check]:
    rng = np.random.default_rng(10)
    A = np.array([[3.0, 1.0], [1.0, 1.0]])
    A5 = _spd(rng, 5)
    return [
        Check("a 2-D bowl centred at 0", [_bowl_case(A, [0, 0], [2.0, -1.5], 0.1, 10),
                                          _bowl_case(np.eye(2), [0, 0], [1.0, 1.0], 0.5, 3)],
              expect=close_to(_descent_closed_form, **_PATH_TOL),
              hint="Row 0 of the path is x0; then x = x - lr * grad(x), num_iters times, "
                   "storing every x: the result has num_iters + 1 rows."),
        Check("a bowl with its minimum elsewhere, in 1 and 5 dimensions",
              [_bowl_case([[2.0]], [4.0], [-3.0], 0.2, 15),
               _bowl_case(A5, rng.normal(size=5), rng.normal(size=5), 0.2, 25)],
              expect=close_to(_descent_closed_form, **_PATH_TOL),
              hint="Call grad at the *current* x each step and move against it (minus sign)."),
        Check("zero steps", [_bowl_case(A, [0, 0], [2.0, -1.5], 0.1, 0)],
              expect=close_to(_descent_closed_form, **_PATH_TOL),
              hint="With num_iters = 0 the path is just x0, as an array of shape (1, n)."),
        Check("too large a learning rate diverges", [_bowl_case(A, [0, 0], [1.0, 1.0], 0.7, 8)],
              expect=close_to(_descent_closed_form, **_PATH_TOL),
              hint="Take the steps as asked, even when they grow: lr > 2 / (largest curvature) "
                   "overshoots further every step."),
        Check("the Rosenbrock valley", [_rosenbrock_case([-1.2, 1.0], 1e-3, 200)],
              expect=close_to(_descent_closed_form, rtol=1e-8, atol=1e-10),
              hint="Each row must be a new array: appending the same array that you then "
                   "change in place (x -= ...) makes every row equal the last one."),
        Check("invalid arguments", _invalid_descent({}), expect=raises(ValueError),
              hint="Raise ValueError when lr <= 0, num_iters < 0, or x0 is not 1-D."),
        Check("other bowls", [_bowl_case(_spd(rng, 4), rng.normal(size=4), rng.normal(size=4),
                                         0.15, 30)],
              expect=close_to(_descent_closed_form, **_PATH_TOL, hidden=True), hidden=True,
              hint="x_{k+1} = x_k - lr * grad(x_k): nothing more."),
    ]


def momentum() -> list[Check]:
    rng = np.random.default_rng(11)
    A = np.array([[3.0, 1.0], [1.0, 1.0]])
    return [
        Check("a 2-D bowl centred at 0", [_bowl_case(A, [0, 0], [2.0, -1.5], 0.05, 20, beta=0.9),
                                          _bowl_case(np.eye(2), [0, 0], [1.0, 1.0], 0.5, 3,
                                                     beta=0.5)],
              expect=close_to(_momentum_closed_form, **_PATH_TOL),
              hint="Start with v = 0; each step v = beta * v + grad(x), then x = x - lr * v."),
        Check("beta = 0 is plain gradient descent",
              [_bowl_case(A, [1.0, 2.0], [0.0, 0.0], 0.1, 10, beta=0.0)],
              expect=close_to(_momentum_closed_form, **_PATH_TOL),
              hint="With beta = 0 the velocity is just the current gradient."),
        Check("the Rosenbrock valley", [_rosenbrock_case([-1.2, 1.0], 2e-4, 300, beta=0.9)],
              expect=close_to(_momentum_closed_form, rtol=1e-8, atol=1e-10),
              hint="Update v first (with the gradient at the current x), then move x by lr * v."),
        Check("invalid arguments",
              _invalid_descent({"beta": 0.9})
              + [Case(fns.BowlGradient(np.eye(2), np.zeros(2)), np.ones(2), lr=0.1, beta=b,
                      num_iters=5, label=f"beta = {b}") for b in (1.0, -0.5)],
              expect=raises(ValueError),
              hint="Raise ValueError when lr <= 0, beta is outside [0, 1), num_iters < 0, or "
                   "x0 is not 1-D."),
        Check("other bowls", [_bowl_case(_spd(rng, 4), rng.normal(size=4), rng.normal(size=4),
                                         0.05, 40, beta=0.8)],
              expect=close_to(_momentum_closed_form, **_PATH_TOL, hidden=True), hidden=True,
              hint="Keep the convention exactly: no (1 - beta) factor on the gradient."),
    ]


# ---------------------------------------------------------------------------------------------
# The loss of a line


def _mse(w: float, b: float, x: Any, y: Any) -> float:
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.mean((w * x + b - y) ** 2))


def _loss_and_fd_grad(w: float, b: float, x: Any, y: Any) -> tuple[float, float, float]:
    """The loss, and its gradient by central differences (exact up to rounding: L is quadratic)."""
    h = 1e-4 * max(1.0, abs(w), abs(b))
    dw = (_mse(w + h, b, x, y) - _mse(w - h, b, x, y)) / (2 * h)
    db = (_mse(w, b + h, x, y) - _mse(w, b - h, x, y)) / (2 * h)
    return _mse(w, b, x, y), dw, db


def _data(rng: np.random.Generator, n: int, w: float = 2.0, b: float = -1.0,
          noise: float = 0.3, spread: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    x = rng.uniform(-spread, spread, size=n)
    return x, w * x + b + noise * rng.normal(size=n)


def mse_loss_and_grad() -> list[Check]:
    rng = np.random.default_rng(12)
    x, y = _data(rng, 20)
    xh, yh = _data(rng, 500, w=-0.7, b=3.0, noise=1.0)
    return [
        Check("two points", [Case(1.0, 0.0, np.array([1.0, 2.0]), np.array([1.0, 3.0])),
                             Case(0.0, 0.0, [1.0, 2.0, 3.0], [2.0, 4.0, 6.0])],
              expect=close_to(_loss_and_fd_grad, rtol=1e-7, atol=1e-9),
              hint="Return a tuple (loss, dL/dw, dL/db); the loss is the *mean* of the squared "
                   "errors (y_hat - y)**2 with y_hat = w * x + b."),
        Check("gradient matches finite differences",
              [Case(0.5, 0.5, x, y), Case(-1.0, 2.0, x, y), Case(2.0, -1.0, x, y)],
              expect=close_to(_loss_and_fd_grad, rtol=1e-6, atol=1e-8),
              hint="dL/dw = 2 * mean((y_hat - y) * x) and dL/db = 2 * mean(y_hat - y): the 2 "
                   "comes from the square, and the sign from y_hat - y (not y - y_hat)."),
        Check("a single sample", [Case(3.0, 1.0, [2.0], [4.0])],
              expect=close_to(_loss_and_fd_grad, rtol=1e-7, atol=1e-9),
              hint="With one sample the mean is that sample's value."),
        Check("lengths differ", [Case(1.0, 0.0, np.ones(3), np.ones(4))],
              expect=raises(ValueError),
              hint="Check that x and y are 1-D and have the same length; raise ValueError."),
        Check("more data", [Case(0.3, -0.2, xh, yh)],
              expect=close_to(_loss_and_fd_grad, rtol=1e-6, atol=1e-8, hidden=True),
              hidden=True, hint="Divide by the number of samples (a mean, not a sum)."),
    ]


# ---------------------------------------------------------------------------------------------
# Fitting a line


def _full_batch_closed_form(x: Any, y: Any, lr: float = 0.05, num_epochs: int = 500,
                            batch_size: int | None = None, seed: int = 0) -> tuple[float, float]:
    """Full-batch GD from (0, 0) on the quadratic loss: theta_k = theta* + (I - lr H)^k (-theta*)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    H = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])  # the loss's Hessian
    theta_star = np.linalg.solve(H, 2 * np.array([np.mean(x * y), np.mean(y)]))
    theta = theta_star - np.linalg.matrix_power(np.eye(2) - lr * H, num_epochs) @ theta_star
    return float(theta[0]), float(theta[1])


def _polyfit(x: Any, y: Any, **_: Any) -> tuple[float, float]:
    w, b = np.polyfit(np.asarray(x, float), np.asarray(y, float), 1)
    return float(w), float(b)


def _linregress(x: Any, y: Any, **_: Any) -> tuple[float, float]:
    result = linregress(np.asarray(x, float), np.asarray(y, float))
    return float(result.slope), float(result.intercept)


def _fit_case(x: Any, y: Any, **kwargs: Any) -> Case:
    settings = ", ".join(f"{k} = {v}" for k, v in kwargs.items())
    return Case(x, y, label=f"{len(x)} points" + (f", {settings}" if settings else ""), **kwargs)


def fit_line() -> list[Check]:
    rng = np.random.default_rng(13)
    x, y = _data(rng, 200)
    x2, y2 = _data(rng, 60, w=-0.5, b=2.0, noise=0.5, spread=1.5)
    xh, yh = _data(rng, 150, w=1.3, b=0.4, noise=0.4)
    return [
        Check("the first full-batch steps",
              [_fit_case(x, y, lr=0.05, num_epochs=1), _fit_case(x, y, lr=0.05, num_epochs=20),
               _fit_case(x2, y2, lr=0.1, num_epochs=10)],
              expect=close_to(_full_batch_closed_form, rtol=1e-8, atol=1e-10),
              hint="Start at w = b = 0; each epoch take one step w -= lr * dL/dw, "
                   "b -= lr * dL/db with the gradients of the *mean* squared error (factor 2), "
                   "both computed before either is updated."),
        Check("full batch converges to the least-squares line",
              [_fit_case(x, y), _fit_case(x2, y2, lr=0.1, num_epochs=1000)],
              expect=close_to(_polyfit, rtol=1e-4, atol=1e-4),
              hint="With the defaults (lr = 0.05, 500 epochs) the line should match "
                   "numpy.polyfit(x, y, 1)."),
        Check("batch_size = n is full batch", [_fit_case(x2, y2, lr=0.1, num_epochs=10,
                                                         batch_size=60)],
              expect=close_to(_full_batch_closed_form, rtol=1e-8, atol=1e-10),
              hint="One batch holding every sample is one exact gradient step per epoch."),
        Check("mini-batches land near the least-squares line",
              [_fit_case(x, y, batch_size=16), _fit_case(x, y, batch_size=1, num_epochs=30,
                                                         lr=0.01, seed=3)],
              expect=close_to(_linregress, rtol=0, atol=0.08),
              hint="Each epoch: shuffle the indices (rng.permutation), then step once per "
                   "slice of batch_size samples, using the mean gradient over that slice."),
        Check("invalid arguments",
              [Case(np.ones(3), np.ones(4), label="x and y of lengths 3 and 4"),
               Case(x2, y2, lr=0.0, label="lr = 0"),
               Case(x2, y2, batch_size=0, label="batch_size = 0")],
              expect=raises(ValueError),
              hint="Raise ValueError for x and y of different lengths, lr <= 0 or "
                   "batch_size < 1."),
        Check("another data set", [_fit_case(xh, yh, lr=0.08, num_epochs=15),
                                   _fit_case(xh, yh, lr=0.08, num_epochs=15, batch_size=150)],
              expect=close_to(_full_batch_closed_form, rtol=1e-8, atol=1e-10, hidden=True),
              hidden=True,
              hint="Update w and b together, from gradients computed at the same (w, b)."),
    ]
