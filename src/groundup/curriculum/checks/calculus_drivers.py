"""Functions handed to the learner's code in the calculus and gradient-descent checks.

The grader pickles every check input to the learner's process, so the functions that the
learner differentiates or descends must be module-level functions of an importable module:
they live here. Only the standard library and NumPy are imported (this runs on every check).
The vector functions use only arithmetic and ``sin``/``exp`` taken from the array's own
library, so that the checks can also hand them to ``torch.autograd`` when it is installed.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _lib(x: Any) -> Any:
    """NumPy, or PyTorch when ``x`` is a torch tensor (used only by the grader's torch check)."""
    if type(x).__module__.startswith("torch"):
        import torch

        return torch
    return np


# ---------------------------------------------------------------------------------------------
# Functions of one variable, f: R -> R

def square(x: float) -> float:
    return x * x


def cube(x: float) -> float:
    return x**3


def sine(x: float) -> float:
    return float(np.sin(x))


def exponential(x: float) -> float:
    return float(np.exp(x))


def cubic_poly(x: float) -> float:
    """2 x^3 - 3 x^2 + x - 5."""
    return 2 * x**3 - 3 * x**2 + x - 5


# ---------------------------------------------------------------------------------------------
# Functions of several variables, f: R^n -> R

def x_times_y_squared(v: Any) -> Any:
    """f(x, y) = x y^2."""
    return v[0] * v[1] ** 2


def bowl(v: Any) -> Any:
    """f(x, y) = x^2 + 3 y^2 + x y."""
    return v[0] ** 2 + 3 * v[1] ** 2 + v[0] * v[1]


def wavy(v: Any) -> Any:
    """f(x, y, z) = sin(x) e^y + x z^2 (curved in every direction)."""
    lib = _lib(v)
    return lib.sin(v[0]) * lib.exp(v[1]) + v[0] * v[2] ** 2


def sum_of_cubes(v: Any) -> Any:
    """f(x) = sum_i x_i^3 (any length)."""
    return (v**3).sum()


def rosenbrock(v: Any) -> Any:
    """f(x, y) = (1 - x)^2 + 100 (y - x^2)^2."""
    return (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2


# ---------------------------------------------------------------------------------------------
# Functions R^n -> R^m, for Jacobians

def polar_to_cartesian(v: Any) -> Any:
    """(r, theta) -> (r cos theta, r sin theta)."""
    lib = _lib(v)
    return lib.stack([v[0] * lib.cos(v[1]), v[0] * lib.sin(v[1])])


def three_outputs(v: Any) -> Any:
    """(x, y) -> (x y, x + y^2, e^x): a 3 x 2 Jacobian."""
    lib = _lib(v)
    return lib.stack([v[0] * v[1], v[0] + v[1] ** 2, lib.exp(v[0])])


def curvy_map(v: Any) -> Any:
    """(x, y, z) -> (sin(x y), x z^2): a 2 x 3 Jacobian."""
    lib = _lib(v)
    return lib.stack([lib.sin(v[0] * v[1]), v[0] * v[2] ** 2])


class LinearMap:
    """v -> A v; its Jacobian is A.

    A class rather than ``functools.partial``: the grader compares each input before and after
    the learner's call (to catch in-place changes), so it needs an ``__eq__`` that compares
    the matrix, not the object's identity.
    """

    def __init__(self, A: Any) -> None:
        self.A = np.asarray(A, dtype=float)

    def __call__(self, v: Any) -> Any:
        return (self.A * v).sum(axis=1)  # (m, n) * (n,) summed over n: (m,)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LinearMap) and np.array_equal(self.A, other.A)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LinearMap(A of shape {self.A.shape})"


# ---------------------------------------------------------------------------------------------
# Gradients for gradient descent

class BowlGradient:
    """The gradient A x - b of the quadratic bowl f(x) = 0.5 x^T A x - b^T x (A symmetric)."""

    def __init__(self, A: Any, b: Any) -> None:
        self.A, self.b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)

    def __call__(self, x: Any) -> Any:
        return (self.A * x).sum(axis=1) - self.b  # (n,)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, BowlGradient) and np.array_equal(self.A, other.A)
                and np.array_equal(self.b, other.b))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"BowlGradient(A of shape {self.A.shape})"


def rosenbrock_gradient(x: Any) -> Any:
    """Gradient of (1 - x)^2 + 100 (y - x^2)^2."""
    return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2),
                     200 * (x[1] - x[0] ** 2)])
