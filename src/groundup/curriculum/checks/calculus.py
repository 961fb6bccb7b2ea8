"""Checks for the derivative exercises: the learner's finite differences against calculus.

The expected values come from analytic derivatives and from the *exact* value of each
finite-difference formula on functions where it has a closed form (for f(x) = x^3 the forward
difference is exactly 3x^2 + 3xh + h^2, the central one 3x^2 + h^2), from
``scipy.optimize.approx_fprime`` and, when PyTorch is installed, ``torch.autograd``. The
tolerances separate first-order (forward, error ~ h) from second-order (central, error ~ h^2)
formulas, so using the wrong one fails.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.optimize import approx_fprime

from groundup.curriculum.checks import calculus_drivers as fns
from groundup.grading.spec import Case, Check, close_to, raises

# ---------------------------------------------------------------------------------------------
# One variable: the exact values of the two difference quotients, and the true derivative.

# name -> (function, f', exact forward difference (x, h), exact central difference (x, h))
_SCALAR: dict[str, tuple[Callable[..., Any], Callable[[float], float],
                         Callable[[float, float], float], Callable[[float, float], float]]] = {
    "x**2": (fns.square, lambda x: 2 * x, lambda x, h: 2 * x + h, lambda x, h: 2 * x),
    "x**3": (fns.cube, lambda x: 3 * x**2,
             lambda x, h: 3 * x**2 + 3 * x * h + h**2, lambda x, h: 3 * x**2 + h**2),
    "sin(x)": (fns.sine, np.cos,
               lambda x, h: np.cos(x) * np.sin(h) / h - np.sin(x) * (1 - np.cos(h)) / h,
               lambda x, h: np.cos(x) * np.sin(h) / h),
    "exp(x)": (fns.exponential, np.exp,
               lambda x, h: np.exp(x) * np.expm1(h) / h, lambda x, h: np.exp(x) * np.sinh(h) / h),
    "2x**3 - 3x**2 + x - 5": (
        fns.cubic_poly, lambda x: 6 * x**2 - 6 * x + 1,
        lambda x, h: 2 * (3 * x**2 + 3 * x * h + h**2) - 3 * (2 * x + h) + 1,
        lambda x, h: 2 * (3 * x**2 + h**2) - 6 * x + 1),
}
_BY_FUNCTION = {entry[0]: entry for entry in _SCALAR.values()}


def _case(name: str, x: float, h: float | None = None) -> Case:
    f = _SCALAR[name][0]
    if h is None:
        return Case(f, x, label=f"f(x) = {name}, x = {x:g}")
    return Case(f, x, h, label=f"f(x) = {name}, x = {x:g}, h = {h:g}")


def _exact(which: int) -> Callable[..., float]:
    """The exact difference quotient (which=2: forward, 3: central) at the case's x and h."""
    def reference(f: Any, x: float, h: float = 1e-5) -> float:
        quotient: Callable[[float, float], float] = _BY_FUNCTION[f][which]  # type: ignore[assignment]
        return float(quotient(x, h))
    return reference


def _true_derivative(f: Any, x: float, h: float = 1e-5) -> float:
    return float(_BY_FUNCTION[f][1](x))


def _invalid_steps() -> list[Case]:
    return [Case(fns.square, 1.0, 0.0, label="h = 0"), Case(fns.square, 1.0, -1e-3,
                                                              label="h = -0.001")]


def forward_difference() -> list[Check]:
    rng = np.random.default_rng(0)
    hidden_cases = [_case(name, float(rng.uniform(-2, 2)), float(rng.uniform(1e-3, 0.2)))
                    for name in ("x**3", "2x**3 - 3x**2 + x - 5", "exp(x)", "sin(x)")]
    return [
        Check("a visible step h = 0.1", [_case("x**2", 3.0, 0.1), _case("x**3", 2.0, 0.1),
                                         _case("sin(x)", 0.5, 0.1), _case("exp(x)", 1.0, 0.1)],
              expect=close_to(_exact(2), rtol=1e-9, atol=1e-12),
              hint="Forward difference: (f(x + h) - f(x)) / h, one step to the right only."),
        Check("the default step h = 1e-5 is close to the true slope",
              [_case("x**2", 3.0), _case("sin(x)", 1.0), _case("exp(x)", 0.0)],
              expect=close_to(_true_derivative, rtol=1e-4, atol=1e-6),
              hint="Give h a default value of 1e-5 in the signature."),
        Check("h must be positive", _invalid_steps(), expect=raises(ValueError),
              hint="Before dividing by h: `if h <= 0: raise ValueError(...)`."),
        Check("other functions, points and steps", hidden_cases,
              expect=close_to(_exact(2), rtol=1e-9, atol=1e-12, hidden=True), hidden=True,
              hint="Use the h you are given, and only f(x + h) and f(x)."),
    ]


def central_difference() -> list[Check]:
    rng = np.random.default_rng(1)
    hidden_cases = [_case(name, float(rng.uniform(-2, 2)), float(rng.uniform(1e-3, 0.2)))
                    for name in ("x**3", "2x**3 - 3x**2 + x - 5", "exp(x)", "sin(x)")]
    return [
        Check("a visible step h = 0.1", [_case("x**2", 3.0, 0.1), _case("x**3", 2.0, 0.1),
                                         _case("sin(x)", 0.5, 0.1), _case("exp(x)", 1.0, 0.1)],
              expect=close_to(_exact(3), rtol=1e-9, atol=1e-12),
              hint="Central difference: (f(x + h) - f(x - h)) / (2 * h), a step each side."),
        Check("more accurate than a forward difference",
              [_case("x**3", 1.5, 1e-3), _case("exp(x)", 1.0, 1e-3), _case("sin(x)", 2.0, 1e-3)],
              expect=close_to(_true_derivative, rtol=1e-6, atol=1e-8),
              hint="The error of a central difference shrinks like h**2: step to both sides."),
        Check("h must be positive", _invalid_steps(), expect=raises(ValueError),
              hint="Before dividing by h: `if h <= 0: raise ValueError(...)`."),
        Check("other functions, points and steps", hidden_cases,
              expect=close_to(_exact(3), rtol=1e-9, atol=1e-12, hidden=True), hidden=True,
              hint="The two points are x + h and x - h, so the distance between them is 2h."),
    ]


# ---------------------------------------------------------------------------------------------
# Several variables: analytic gradients.

def _grad_x_times_y_squared(v: np.ndarray) -> np.ndarray:
    return np.array([v[1] ** 2, 2 * v[0] * v[1]])


def _grad_bowl(v: np.ndarray) -> np.ndarray:
    return np.array([2 * v[0] + v[1], 6 * v[1] + v[0]])


def _grad_wavy(v: np.ndarray) -> np.ndarray:
    return np.array([np.cos(v[0]) * np.exp(v[1]) + v[2] ** 2, np.sin(v[0]) * np.exp(v[1]),
                     2 * v[0] * v[2]])


def _grad_sum_of_cubes(v: np.ndarray) -> np.ndarray:
    return 3 * v**2


def _grad_rosenbrock(v: np.ndarray) -> np.ndarray:
    return np.array([-2 * (1 - v[0]) - 400 * v[0] * (v[1] - v[0] ** 2),
                     200 * (v[1] - v[0] ** 2)])


_GRADIENTS: dict[Any, tuple[str, Callable[[np.ndarray], np.ndarray]]] = {
    fns.x_times_y_squared: ("x * y**2", _grad_x_times_y_squared),
    fns.bowl: ("x**2 + 3y**2 + xy", _grad_bowl),
    fns.wavy: ("sin(x) exp(y) + x z**2", _grad_wavy),
    fns.sum_of_cubes: ("sum of x_i**3", _grad_sum_of_cubes),
    fns.rosenbrock: ("(1 - x)**2 + 100 (y - x**2)**2", _grad_rosenbrock),
}


def _vcase(f: Any, x: Any, *extra: Any) -> Case:
    point = ", ".join(f"{float(t):.4g}" for t in np.ravel(x))
    more = "".join(f", {name} = {value!r}" for name, value in zip(("i", "h"), extra,
                                                                     strict=False))
    return Case(f, x, *extra, label=f"f = {_GRADIENTS[f][0]}, x = [{point}]{more}")


def _true_partial(f: Any, x: Any, i: int, h: float = 1e-5) -> float:
    return float(_GRADIENTS[f][1](np.asarray(x, dtype=float))[i])


def _true_gradient(f: Any, x: Any, h: float = 1e-5) -> np.ndarray:
    return _GRADIENTS[f][1](np.asarray(x, dtype=float))


# A central difference at h = 1e-5 is within ~1e-10 of the truth, a forward one ~1e-5 away.
_TIGHT: dict[str, Any] = {"rtol": 1e-7, "atol": 1e-8}


def partial_derivative() -> list[Check]:
    rng = np.random.default_rng(2)
    hidden = [_vcase(fns.wavy, rng.uniform(-1, 1, size=3), i) for i in range(3)]
    hidden += [_vcase(fns.sum_of_cubes, rng.uniform(-2, 2, size=6), i) for i in (0, 5)]
    return [
        Check("f(x, y) = x * y**2", [_vcase(fns.x_times_y_squared, np.array([1.0, 2.0]), 0),
                                     _vcase(fns.x_times_y_squared, np.array([1.0, 2.0]), 1),
                                     _vcase(fns.x_times_y_squared, np.array([-3.0, 0.5]), 1)],
              expect=close_to(_true_partial, **_TIGHT),
              hint="Move only coordinate i: x + h*e_i and x - h*e_i, with e_i the i-th unit "
                   "vector; every other coordinate stays fixed."),
        Check("central, not forward, differences",
              [_vcase(fns.bowl, np.array([0.5, -1.0]), i) for i in (0, 1)]
              + [_vcase(fns.rosenbrock, np.array([-1.2, 1.0]), i) for i in (0, 1)],
              expect=close_to(_true_partial, **_TIGHT),
              hint="Use (f(x + h e_i) - f(x - h e_i)) / (2h): a forward difference is too "
                   "inaccurate here."),
        Check("a list of integers as the point", [_vcase(fns.bowl, [1, 2], 0),
                                                  _vcase(fns.x_times_y_squared, [2, -1], 1)],
              expect=close_to(_true_partial, **_TIGHT),
              hint="Convert with np.asarray(x, dtype=float) before adding h: an integer array "
                   "cannot hold x + 1e-5."),
        Check("i out of range", [Case(fns.bowl, np.array([1.0, 2.0]), 2, label="n = 2, i = 2"),
                                 Case(fns.bowl, np.array([1.0, 2.0]), 5, label="n = 2, i = 5")],
              expect=raises(ValueError),
              hint="Check `0 <= i < len(x)` and raise ValueError otherwise."),
        Check("h must be positive", [Case(fns.bowl, np.array([1.0, 2.0]), 0, 0.0,
                                          label="h = 0")],
              expect=raises(ValueError), hint="`if h <= 0: raise ValueError(...)`."),
        Check("other functions and points", hidden,
              expect=close_to(_true_partial, **_TIGHT, hidden=True), hidden=True,
              hint="Build the step as a fresh array each time, without changing the caller's x."),
    ]


def _scipy_gradient(f: Any, x: Any, h: float = 1e-5) -> np.ndarray:
    # approx_fprime uses forward differences with a step of ~1.5e-8: accurate to ~1e-8.
    return approx_fprime(np.asarray(x, dtype=float), f)


def gradient() -> list[Check]:
    rng = np.random.default_rng(3)
    return [
        Check("f(x, y) = x * y**2", [_vcase(fns.x_times_y_squared, np.array([1.0, 2.0])),
                                     _vcase(fns.x_times_y_squared, np.array([-3.0, 0.5]))],
              expect=close_to(_true_gradient, **_TIGHT),
              hint="One partial derivative per coordinate: loop over i and move only x[i]."),
        Check("central, not forward, differences",
              [_vcase(fns.bowl, np.array([0.5, -1.0])), _vcase(fns.rosenbrock, np.array([-1.2, 1.0])),
               _vcase(fns.wavy, np.array([0.3, -0.2, 1.5]))],
              expect=close_to(_true_gradient, **_TIGHT),
              hint="Each entry is (f(x + h e_i) - f(x - h e_i)) / (2h); a forward difference "
                   "is off by about h/2 times the curvature."),
        Check("matches scipy.optimize.approx_fprime",
              [_vcase(fns.wavy, rng.uniform(-1, 1, size=3)) for _ in range(2)],
              expect=close_to(_scipy_gradient, rtol=1e-6, atol=1e-6),
              hint="The result is an array of shape (n,), one entry per coordinate of x."),
        Check("h must be positive", [Case(fns.bowl, np.array([1.0, 2.0]), 0.0, label="h = 0")],
              expect=raises(ValueError), hint="`if h <= 0: raise ValueError(...)`."),
        Check("x must be a vector", [Case(fns.bowl, np.ones((2, 2)), label="x of shape (2, 2)")],
              expect=raises(ValueError),
              hint="After np.asarray(x, dtype=float), check that x.ndim == 1."),
        Check("more coordinates", [_vcase(fns.sum_of_cubes, rng.uniform(-2, 2, size=n))
                                   for n in (1, 7)],
              expect=close_to(_true_gradient, **_TIGHT, hidden=True), hidden=True,
              hint="Loop over every coordinate, whatever the length of x."),
    ]


# ---------------------------------------------------------------------------------------------
# Jacobians: analytic, and torch.autograd when it is installed.

def _jac_polar(v: np.ndarray) -> np.ndarray:
    r, t = v
    return np.array([[np.cos(t), -r * np.sin(t)], [np.sin(t), r * np.cos(t)]])


def _jac_three_outputs(v: np.ndarray) -> np.ndarray:
    x, y = v
    return np.array([[y, x], [1.0, 2 * y], [np.exp(x), 0.0]])


def _jac_curvy(v: np.ndarray) -> np.ndarray:
    x, y, z = v
    c = np.cos(x * y)
    return np.array([[y * c, x * c, 0.0], [z**2, 0.0, 2 * x * z]])


_JACOBIANS: dict[Any, tuple[str, Callable[[np.ndarray], np.ndarray]]] = {
    fns.polar_to_cartesian: ("(r cos t, r sin t)", _jac_polar),
    fns.three_outputs: ("(x y, x + y**2, exp(x))", _jac_three_outputs),
    fns.curvy_map: ("(sin(x y), x z**2)", _jac_curvy),
}


def _jcase(f: Any, x: Any) -> Case:
    point = ", ".join(f"{float(t):.4g}" for t in np.ravel(x))
    name = repr(f) if isinstance(f, fns.LinearMap) else _JACOBIANS[f][0]
    return Case(f, x, label=f"f(x) = {name}, x = [{point}]")


def _true_jacobian(f: Any, x: Any, h: float = 1e-5) -> np.ndarray:
    if isinstance(f, fns.LinearMap):
        return f.A
    return _JACOBIANS[f][1](np.asarray(x, dtype=float))


def _torch_jacobian(f: Any, x: Any, h: float = 1e-5) -> np.ndarray:
    import torch

    point = torch.tensor(np.asarray(x, dtype=float), dtype=torch.float64)
    return torch.autograd.functional.jacobian(f, point).numpy()


def jacobian() -> list[Check]:
    rng = np.random.default_rng(4)
    checks = [
        Check("polar to cartesian (square)",
              [_jcase(fns.polar_to_cartesian, np.array([2.0, 0.5])),
               _jcase(fns.polar_to_cartesian, np.array([1.0, 2.5]))],
              expect=close_to(_true_jacobian, **_TIGHT),
              hint="Row j is the gradient of output j; column i is what moving x[i] does to "
                   "every output. J[j, i] = d f_j / d x_i."),
        Check("more outputs than inputs (3 x 2)",
              [_jcase(fns.three_outputs, np.array([0.5, -1.0]))],
              expect=close_to(_true_jacobian, **_TIGHT),
              hint="The shape is (m, n): one row per output, one column per input."),
        Check("more inputs than outputs (2 x 3)",
              [_jcase(fns.curvy_map, np.array([0.3, 1.2, -0.7]))],
              expect=close_to(_true_jacobian, **_TIGHT),
              hint="Each column is (f(x + h e_i) - f(x - h e_i)) / (2h), a vector of length m."),
        Check("x must be a vector", [Case(fns.curvy_map, np.ones((3, 1)),
                                          label="x of shape (3, 1)")],
              expect=raises(ValueError),
              hint="After np.asarray(x, dtype=float), check that x.ndim == 1."),
        Check("a linear map v -> A v has Jacobian A",
              [_jcase(fns.LinearMap(rng.normal(size=(3, 5))), rng.normal(size=5)),
               _jcase(fns.LinearMap(rng.normal(size=(4, 4))), rng.normal(size=4))],
              expect=close_to(_true_jacobian, rtol=1e-7, atol=1e-8, hidden=True), hidden=True,
              hint="Check the orientation: J[j, i] = d f_j / d x_i, shape (m, n), not (n, m)."),
    ]
    if importlib.util.find_spec("torch") is not None:
        checks.append(Check(
            "matches torch.autograd.functional.jacobian",
            [_jcase(f, rng.uniform(-1, 1, size=n))
             for f, n in ((fns.curvy_map, 3), (fns.three_outputs, 2), (fns.polar_to_cartesian, 2))],
            expect=close_to(_torch_jacobian, **_TIGHT, hidden=True), hidden=True,
            hint="Use central differences for every column."))
    return checks
