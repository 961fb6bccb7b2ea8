"""groundup.gradient_descent against closed forms, finite differences, numpy.polyfit and torch."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import linregress

from groundup.gradient_descent import fit_line, gradient_descent, momentum, mse_loss_and_grad


def assert_close(actual, expected, *, rtol=1e-9, atol=1e-9, what="result"):
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, err_msg=what)


def spd(rng, n):
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return Q @ np.diag(rng.uniform(0.5, 4.0, size=n)) @ Q.T


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 5), st.floats(0.01, 0.45), st.integers(0, 30), st.integers(0, 10_000))
def test_gradient_descent_on_a_bowl_follows_the_closed_form(n, lr, num_iters, seed):
    rng = np.random.default_rng(seed)
    A, b, x0 = spd(rng, n), rng.normal(size=n), rng.normal(size=n)
    x_star = np.linalg.solve(A, b)
    expected = [x_star + np.linalg.matrix_power(np.eye(n) - lr * A, k) @ (x0 - x_star)
                for k in range(num_iters + 1)]
    path = gradient_descent(lambda x: A @ x - b, x0, lr=lr, num_iters=num_iters)
    assert_close(path, np.array(expected).reshape(num_iters + 1, n), rtol=1e-9, atol=1e-10)


def test_too_large_a_learning_rate_diverges():
    A = np.diag([1.0, 10.0])
    for lr, converges in [(0.15, True), (0.21, False)]:
        path = gradient_descent(lambda x: A @ x, [1.0, 1.0], lr=lr, num_iters=200)
        assert (np.linalg.norm(path[-1]) < 1e-6) == converges


def test_momentum_matches_torch_sgd():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    A, b, x0 = spd(rng, 3), rng.normal(size=3), rng.normal(size=3)
    x = torch.tensor(x0, requires_grad=True)
    opt = torch.optim.SGD([x], lr=0.05, momentum=0.9)
    expected = [x0]
    for _ in range(40):
        opt.zero_grad()
        (0.5 * x @ torch.tensor(A) @ x - torch.tensor(b) @ x).backward()
        opt.step()
        expected.append(x.detach().numpy().copy())
    path = momentum(lambda v: A @ v - b, x0, lr=0.05, beta=0.9, num_iters=40)
    assert_close(path, np.array(expected), rtol=1e-9, atol=1e-10)


def test_momentum_with_beta_zero_is_gradient_descent():
    def grad(v):
        return np.array([2 * v[0], 20 * v[1]])
    assert_close(momentum(grad, [1.0, -1.0], lr=0.04, beta=0.0, num_iters=25),
                 gradient_descent(grad, [1.0, -1.0], lr=0.04, num_iters=25), rtol=0, atol=0)


def rosenbrock_grad(v):
    return np.array([-2 * (1 - v[0]) - 400 * v[0] * (v[1] - v[0] ** 2), 200 * (v[1] - v[0] ** 2)])


def test_momentum_beats_plain_descent_in_the_rosenbrock_valley():
    start = [-1.2, 1.0]
    plain = gradient_descent(rosenbrock_grad, start, lr=1.5e-3, num_iters=1000)[-1]
    heavy = momentum(rosenbrock_grad, start, lr=1e-3, beta=0.9, num_iters=1000)[-1]
    assert np.linalg.norm(heavy - 1) < 0.05 < np.linalg.norm(plain - 1)


def test_paths_leave_the_start_untouched():
    x0 = np.array([1.0, 2.0])
    gradient_descent(lambda x: x, x0, num_iters=3)
    momentum(lambda x: x, x0, num_iters=3)
    assert np.array_equal(x0, [1.0, 2.0])


def test_mse_loss_and_grad_matches_finite_differences():
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=30), rng.normal(size=30)

    def loss(w, b):
        return np.mean((w * x + b - y) ** 2)

    for w, b in [(0.0, 0.0), (1.5, -0.3), (-2.0, 4.0)]:
        L, dw, db = mse_loss_and_grad(w, b, x, y)
        h = 1e-5
        assert_close(L, loss(w, b), rtol=1e-12)
        assert_close(dw, (loss(w + h, b) - loss(w - h, b)) / (2 * h), rtol=1e-7, atol=1e-9)
        assert_close(db, (loss(w, b + h) - loss(w, b - h)) / (2 * h), rtol=1e-7, atol=1e-9)


def test_mse_loss_and_grad_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=20), rng.normal(size=20)
    w, b = torch.tensor(0.7, dtype=torch.float64, requires_grad=True), \
        torch.tensor(-0.4, dtype=torch.float64, requires_grad=True)
    loss = torch.mean((w * torch.tensor(x) + b - torch.tensor(y)) ** 2)
    loss.backward()
    assert_close(mse_loss_and_grad(0.7, -0.4, x, y),
                 (loss.item(), w.grad.item(), b.grad.item()), rtol=1e-12)


def make_data(seed, n=200):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, size=n)
    return x, 2.0 * x - 1.0 + 0.3 * rng.normal(size=n)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_full_batch_fit_matches_polyfit(seed):
    x, y = make_data(seed)
    assert_close(fit_line(x, y), tuple(np.polyfit(x, y, 1)), rtol=1e-6, atol=1e-6)


def test_mini_batch_fit_lands_near_linregress():
    x, y = make_data(3)
    result = linregress(x, y)
    for batch_size in (1, 16, 64):
        w, b = fit_line(x, y, lr=0.01, num_epochs=100, batch_size=batch_size, seed=4)
        assert_close((w, b), (result.slope, result.intercept), rtol=0, atol=0.05)


def test_mini_batch_is_reproducible_and_batch_size_n_is_full_batch():
    x, y = make_data(5, n=50)
    assert fit_line(x, y, batch_size=8, seed=1) == fit_line(x, y, batch_size=8, seed=1)
    assert fit_line(x, y, batch_size=50, num_epochs=7) == fit_line(x, y, num_epochs=7)


def test_invalid_arguments():
    grad = lambda x: x  # noqa: E731
    with pytest.raises(ValueError, match="lr"):
        gradient_descent(grad, [1.0], lr=0.0)
    with pytest.raises(ValueError, match="x0"):
        gradient_descent(grad, [[1.0]])
    with pytest.raises(ValueError, match="num_iters"):
        gradient_descent(grad, [1.0], num_iters=-1)
    with pytest.raises(TypeError, match="grad"):
        gradient_descent(None, [1.0])
    with pytest.raises(ValueError, match="beta"):
        momentum(grad, [1.0], beta=1.0)
    with pytest.raises(ValueError, match="shape"):
        gradient_descent(lambda x: np.ones(3), [1.0, 2.0])
    with pytest.raises(ValueError, match="same length"):
        mse_loss_and_grad(1.0, 0.0, [1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="batch_size"):
        fit_line([1.0, 2.0], [1.0, 2.0], batch_size=0)
    with pytest.raises(ValueError, match="num_epochs"):
        fit_line([1.0, 2.0], [1.0, 2.0], num_epochs=0)
