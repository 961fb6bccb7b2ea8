"""groundup.calculus against analytic derivatives, scipy.optimize and torch.autograd."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import approx_fprime

from groundup.calculus import (
    central_difference,
    forward_difference,
    gradient,
    jacobian,
    partial_derivative,
)


def assert_close(actual, expected, *, rtol=1e-9, atol=1e-9, what="result"):
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, err_msg=what)


# f, f', f'' for the one-variable tests
SCALAR = [
    (np.sin, np.cos, lambda t: -np.sin(t)),
    (np.exp, np.exp, np.exp),
    (lambda t: t**3 - 2 * t, lambda t: 3 * t**2 - 2, lambda t: 6 * t),
]


@pytest.mark.parametrize(("f", "df", "_"), SCALAR)
@pytest.mark.parametrize("x", [-1.3, 0.0, 0.7, 2.0])
def test_central_difference_matches_the_analytic_derivative(f, df, _, x):
    assert_close(central_difference(f, x), df(x), rtol=1e-9, atol=1e-9)


def test_difference_quotients_have_their_exact_closed_forms():
    # For x^3: forward = 3x^2 + 3xh + h^2, central = 3x^2 + h^2, at any h.
    for x, h in [(2.0, 0.1), (-1.5, 0.3), (0.5, 1e-2)]:
        assert_close(forward_difference(lambda t: t**3, x, h), 3 * x**2 + 3 * x * h + h**2,
                     rtol=1e-10)
        assert_close(central_difference(lambda t: t**3, x, h), 3 * x**2 + h**2, rtol=1e-10)
    assert_close(central_difference(np.exp, 1.0, 0.1), np.e * np.sinh(0.1) / 0.1, rtol=1e-12)


@pytest.mark.parametrize(("f", "df", "d2f"), SCALAR)
def test_forward_error_is_first_order_and_central_second_order(f, df, d2f):
    x, h = 0.9, 1e-3
    forward_error = forward_difference(f, x, h) - df(x)
    central_error = abs(central_difference(f, x, h) - df(x))
    assert_close(forward_error, h / 2 * d2f(x), rtol=2e-2, atol=1e-9)  # the h/2 f'' term
    assert central_error < 1e-5 < abs(forward_error)
    # Halving h halves the forward error and quarters the central one.
    ratio_fwd = forward_error / (forward_difference(f, x, h / 2) - df(x))
    ratio_cen = central_error / abs(central_difference(f, x, h / 2) - df(x))
    assert 1.9 < ratio_fwd < 2.1 and 3.8 < ratio_cen < 4.2


def test_too_small_a_step_loses_to_round_off():
    errors = {h: abs(central_difference(np.exp, 1.0, h) - np.e) for h in (1e-5, 1e-13)}
    assert errors[1e-5] < 1e-9 < errors[1e-13]


def f_xy2(v):
    return v[0] * v[1] ** 2


def f_wavy(v):
    return np.sin(v[0]) * np.exp(v[1]) + v[0] * v[2] ** 2


def grad_wavy(v):
    return np.array([np.cos(v[0]) * np.exp(v[1]) + v[2] ** 2, np.sin(v[0]) * np.exp(v[1]),
                     2 * v[0] * v[2]])


def test_partial_derivatives_of_x_y_squared():
    x = np.array([1.0, 2.0])
    assert_close(partial_derivative(f_xy2, x, 0), 4.0, rtol=1e-9)
    assert_close(partial_derivative(f_xy2, x, 1), 4.0, rtol=1e-9)
    assert_close(partial_derivative(f_xy2, [3, -1], 1), -6.0, rtol=1e-9)  # integer list


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-2, 2), min_size=3, max_size=3))
def test_gradient_matches_the_analytic_gradient(point):
    x = np.array(point)
    assert_close(gradient(f_wavy, x), grad_wavy(x), rtol=1e-7, atol=1e-8)


def test_gradient_matches_scipy_approx_fprime():
    rng = np.random.default_rng(0)
    for _ in range(5):
        x = rng.uniform(-1, 1, size=3)
        assert_close(gradient(f_wavy, x), approx_fprime(x, f_wavy), rtol=1e-6, atol=1e-6)


def test_gradient_of_a_quadratic_form_is_a_plus_a_transpose_x():
    rng = np.random.default_rng(1)
    A, x = rng.normal(size=(6, 6)), rng.normal(size=6)
    assert_close(gradient(lambda v: v @ A @ v, x), (A + A.T) @ x, rtol=1e-7, atol=1e-8)


def test_gradient_does_not_change_its_input():
    x = np.array([0.3, -0.2, 1.5])
    before = x.copy()
    gradient(f_wavy, x)
    partial_derivative(f_wavy, x, 2)
    jacobian(lambda v: np.array([f_wavy(v), v.sum()]), x)
    assert np.array_equal(x, before)


def polar(v):
    return np.array([v[0] * np.cos(v[1]), v[0] * np.sin(v[1])])


def test_jacobian_of_polar_coordinates():
    r, t = 2.0, 0.5
    expected = np.array([[np.cos(t), -r * np.sin(t)], [np.sin(t), r * np.cos(t)]])
    assert_close(jacobian(polar, [r, t]), expected, rtol=1e-8, atol=1e-9)


def test_jacobian_of_a_linear_map_is_the_matrix():
    rng = np.random.default_rng(2)
    A = rng.normal(size=(3, 5))
    J = jacobian(lambda v: A @ v, rng.normal(size=5))
    assert J.shape == (3, 5)
    assert_close(J, A, rtol=1e-8, atol=1e-9)


def test_jacobian_matches_torch_autograd():
    torch = pytest.importorskip("torch")

    def f(v):
        lib = torch if isinstance(v, torch.Tensor) else np
        return lib.stack([lib.sin(v[0] * v[1]), v[0] * v[2] ** 2, lib.exp(v[2]) - v[1]])

    rng = np.random.default_rng(3)
    for _ in range(3):
        x = rng.uniform(-1, 1, size=3)
        expected = torch.autograd.functional.jacobian(f, torch.tensor(x)).numpy()
        assert_close(jacobian(f, x), expected, rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize("h", [0.0, -1e-3, float("nan")])
def test_a_step_that_is_not_positive_is_rejected(h):
    with pytest.raises(ValueError, match="h"):
        forward_difference(np.sin, 1.0, h)
    with pytest.raises(ValueError, match="h"):
        central_difference(np.sin, 1.0, h)
    with pytest.raises(ValueError, match="h"):
        gradient(f_xy2, [1.0, 2.0], h)


def test_invalid_arguments():
    with pytest.raises(ValueError, match="i must be"):
        partial_derivative(f_xy2, [1.0, 2.0], 2)
    with pytest.raises(ValueError, match="i must be"):
        partial_derivative(f_xy2, [1.0, 2.0], -1)
    with pytest.raises(TypeError, match="i must be"):
        partial_derivative(f_xy2, [1.0, 2.0], 1.0)
    with pytest.raises(ValueError, match="x must be"):
        gradient(f_xy2, np.ones((2, 2)))
    with pytest.raises(ValueError, match="x must be"):
        jacobian(polar, [])
    with pytest.raises(TypeError, match="f must be"):
        central_difference("sin", 1.0)
    with pytest.raises(TypeError, match="x must be"):
        forward_difference(np.sin, [1.0, 2.0])
    with pytest.raises(ValueError, match="single number"):
        gradient(lambda v: v, [1.0, 2.0])
