"""Checks for the eigenvector exercises: the learner's code against ``numpy.linalg``.

Eigenvectors are only defined up to sign (and, for a repeated eigenvalue, up to a rotation
inside its eigenspace), so those checks test properties (``A v = lambda v``, unit length,
``V^T V = I``, the same direction as NumPy's up to sign) rather than raw entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies
from groundup.grading.wire import Opaque

Predicate = Callable[[Case, Any], "str | None"]


# --------------------------------------------------------------------------------------------
# Inputs

def _rotation(rng: np.random.Generator, n: int) -> np.ndarray:
    """A random orthogonal matrix (QR of a Gaussian matrix, signs fixed)."""
    Q, R = np.linalg.qr(rng.normal(size=(n, n)))
    return Q * np.sign(np.diag(R))


def _symmetric_with(rng: np.random.Generator, eigenvalues: list[float]) -> np.ndarray:
    """A symmetric matrix with exactly these eigenvalues (in random directions)."""
    Q = _rotation(rng, len(eigenvalues))
    A = Q @ np.diag(eigenvalues) @ Q.T
    return (A + A.T) / 2


def _random_symmetric(rng: np.random.Generator, n: int) -> np.ndarray:
    M = rng.normal(size=(n, n))
    return (M + M.T) / 2


def _with_gap(rng: np.random.Generator, n: int, dominant: float) -> list[float]:
    """``n`` eigenvalues: ``dominant`` and the rest at most half its size."""
    rest = rng.uniform(-0.5, 0.5, size=n - 1) * abs(dominant)
    return [dominant, *rest.tolist()]


def _nonsymmetric_with(rng: np.random.Generator, eigenvalues: list[float]) -> np.ndarray:
    """A non-symmetric matrix ``P diag(eigenvalues) P^{-1}`` with a well-conditioned ``P``."""
    n = len(eigenvalues)
    P = np.eye(n) + 0.3 * rng.normal(size=(n, n))
    return P @ np.diag(eigenvalues) @ np.linalg.inv(P)


# --------------------------------------------------------------------------------------------
# Shared helpers

def _pair(value: Any, names: str) -> str | None:
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return None
    kind = value.type_name if isinstance(value, Opaque) else type(value).__name__
    return f"expected a tuple {names}, but your code returned {kind}"


def _array(value: Any, shape: tuple[int, ...], what: str, hidden: bool) -> str | None:
    """None when ``value`` is a finite numeric array of this shape, else what is wrong."""
    if _is_shaped(value, shape):
        if not np.isfinite(np.asarray(value, dtype=float)).all():
            return f"the {what} contains NaN or inf (a division by zero?)"
        return None
    # Not an array of the right shape: let compare_values say what it is instead.
    return compare_values(np.zeros(shape), value, hidden=hidden, what=what)


def _is_shaped(value: Any, shape: tuple[int, ...]) -> bool:
    if isinstance(value, (Opaque, str, dict)) or value is None:
        return False
    try:
        arr = np.asarray(value)
    except Exception:  # noqa: BLE001 - ragged lists
        return False
    return arr.dtype.kind in "biuf" and arr.shape == shape


def _scale(A: np.ndarray) -> float:
    return max(1.0, float(np.abs(A).max()))


# --------------------------------------------------------------------------------------------
# power_iteration

def _dominant(A: np.ndarray) -> tuple[float, np.ndarray, bool]:
    """NumPy's dominant eigenvalue, its unit eigenvector, and whether it is the only one."""
    w, V = np.linalg.eig(A)
    order = np.argsort(-np.abs(w))
    lam, v = w[order[0]].real, V[:, order[0]].real
    simple = len(w) == 1 or abs(w[order[0]]) - abs(w[order[1]]) > 1e-6 * _scale(A)
    return float(lam), v / np.sqrt(v @ v), simple


def _power_ok(hidden: bool = False) -> Predicate:
    def predicate(case: Case, value: Any) -> str | None:
        A = np.asarray(case.args[0], dtype=float)
        n = A.shape[0]
        problem = _pair(value, "(eigenvalue, eigenvector)")
        if problem:
            return problem
        lam, v = value
        lam_ref, v_ref, simple = _dominant(A)
        problem = compare_values(lam_ref, lam, rtol=1e-6, atol=1e-8 * _scale(A),
                                 hidden=hidden, what="eigenvalue (item 0)")
        if problem:
            return problem
        problem = _array(v, (n,), "eigenvector (item 1)", hidden)
        if problem:
            return problem
        v = np.asarray(v, dtype=float)
        length = float(np.sqrt(v @ v))
        if abs(length - 1) > 1e-6:
            return f"the eigenvector should have length 1, but yours has length {length:.6g}"
        if simple and abs(abs(v @ v_ref) - 1) > 1e-6:
            return ("the eigenvector points in a different direction from the reference one: "
                    f"|v . v_ref| = {abs(v @ v_ref):.6g}, but it should be 1 (the same line, "
                    "either sign)")
        return compare_values(lam_ref * v, A @ v, rtol=1e-5, atol=1e-6 * _scale(A),
                              hidden=hidden, what="A v (it should equal eigenvalue * v)")

    return predicate


def power_iteration() -> list[Check]:
    rng = np.random.default_rng(0)
    same = "Multiply by A, divide by the length, repeat; then the Rayleigh quotient v . (A v)."
    return [
        Check("2x2 matrices", [Case(np.array([[2.0, 1.0], [1.0, 2.0]])),
                               Case(np.array([[4.0, 1.0], [2.0, 3.0]]))],
              expect=satisfies(_power_ok()), hint=same),
        Check("1x1 matrices", [Case(np.array([[5.0]])), Case(np.array([[-2.0]]))],
              expect=satisfies(_power_ok()),
              hint="A 1x1 matrix [[a]] has the eigenvalue a and the eigenvector [1] (or [-1])."),
        Check("negative dominant eigenvalue",
              [Case(np.array([[1.0, 2.0], [3.0, -4.0]])), Case(np.diag([1.0, -3.0, 2.0]))],
              expect=satisfies(_power_ok()),
              hint="The length ||A v|| is never negative: take the eigenvalue from v . (A v), "
                   "and when you test for convergence remember that v may flip sign each step."),
        Check("start vector is already an eigenvector of a smaller eigenvalue",
              [Case(np.array([[2.0, -1.0], [-1.0, 2.0]])), Case(np.diag([1.0, 3.0])),
               Case(np.array([[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]]))],
              expect=satisfies(_power_ok()),
              hint="A start vector such as np.ones(n) or [1, 0, ...] can be an eigenvector "
                   "itself, and then nothing moves. Start from a seeded random vector, "
                   "e.g. np.random.default_rng(0).normal(size=n)."),
        Check("random symmetric matrices",
              [Case(_symmetric_with(rng, _with_gap(rng, n, d))) for n, d in
               ((3, 2.0), (5, -3.0), (8, 1.5))],
              expect=satisfies(_power_ok()), hint=same),
        Check("random non-symmetric matrices",
              [Case(_nonsymmetric_with(rng, [3.0, 1.5, -1.0, 0.5])),
               Case(_nonsymmetric_with(rng, [-2.0, 1.0, 0.5]))],
              expect=satisfies(_power_ok()), hint=same),
        Check("the zero matrix", [Case(np.zeros((3, 3)))], expect=satisfies(_power_ok()),
              hint="If A v is the zero vector you cannot divide by its length: v is then an "
                   "eigenvector with eigenvalue 0, so return (0.0, v)."),
        Check("not square", [Case(np.ones((2, 3))), Case(np.ones(3))],
              expect=raises(ValueError),
              hint="Check that A is 2-D with as many rows as columns; raise ValueError if not."),
        Check("larger matrices",
              [Case(_symmetric_with(rng, _with_gap(rng, 12, -4.0))),
               Case(_nonsymmetric_with(rng, [5.0, -3.0, 2.0, 1.0, -0.5, 0.1]))],
              expect=satisfies(_power_ok(hidden=True)), hidden=True,
              hint="Keep iterating until v stops changing (up to sign), and return a unit "
                   "vector."),
    ]


# --------------------------------------------------------------------------------------------
# eigh

def _eigh_ok(hidden: bool = False) -> Predicate:
    def predicate(case: Case, value: Any) -> str | None:
        A = np.asarray(case.args[0], dtype=float)
        n = A.shape[0]
        problem = _pair(value, "(eigenvalues, eigenvectors)")
        if problem:
            return problem
        w, V = value
        w_ref = np.linalg.eigh(A)[0]
        atol = 1e-9 * _scale(A)
        problem = compare_values(w_ref, w, rtol=1e-7, atol=atol, hidden=hidden,
                                 what="eigenvalues (item 0)")
        if problem:
            if _is_shaped(w, (n,)) and np.allclose(np.sort(np.asarray(w, dtype=float)), w_ref,
                                                   rtol=1e-7, atol=atol):
                return "the eigenvalues are right but not in ascending order: sort them"
            return problem
        problem = _array(V, (n, n), "eigenvector matrix (item 1)", hidden)
        if problem:
            return problem
        V = np.asarray(V, dtype=float)
        problem = compare_values(V * w_ref, A @ V, rtol=1e-6, atol=1e-7 * _scale(A),
                                 hidden=hidden,
                                 what="A V (it should equal V diag(w): column i of V is the "
                                      "eigenvector of w[i])")
        if problem:
            if np.allclose(A @ V.T, V.T * w_ref, rtol=1e-6, atol=1e-7 * _scale(A)):
                return ("your eigenvectors are the rows of the matrix: return them as "
                        "columns (transpose it)")
            return problem
        return compare_values(np.eye(n), V.T @ V, rtol=0.0, atol=1e-7, hidden=hidden,
                              what="V^T V (it should be the identity: orthonormal columns)")

    return predicate


def eigh() -> list[Check]:
    rng = np.random.default_rng(1)
    sweep = ("Keep sweeping over every pair p < q until all off-diagonal entries are tiny, "
             "and accumulate the rotations in V = V @ J.")
    return [
        Check("2x2 matrices", [Case(np.array([[2.0, 1.0], [1.0, 2.0]])),
                               Case(np.array([[1.0, -2.0], [-2.0, 4.0]]))],
              expect=satisfies(_eigh_ok()),
              hint="One rotation with tan(2 theta) = 2 A[p, q] / (A[q, q] - A[p, p]) makes a "
                   "2x2 matrix diagonal."),
        Check("1x1 matrix", [Case(np.array([[3.0]]))], expect=satisfies(_eigh_ok()),
              hint="[[a]] has the eigenvalue a and the eigenvector [[1.0]]."),
        Check("already diagonal (not sorted)",
              [Case(np.diag([3.0, -1.0, 2.0])), Case(np.diag([1.0, 2.0, 3.0, 4.0]))],
              expect=satisfies(_eigh_ok()),
              hint="Nothing to rotate, but the eigenvalues must come out in ascending order, "
                   "and the columns of V must move with them: use np.argsort."),
        Check("repeated eigenvalues",
              [Case(2.0 * np.eye(3)), Case(_symmetric_with(rng, [2.0, 2.0, 5.0])),
               Case(_symmetric_with(rng, [1.0, 1.0, 1.0, -2.0]))],
              expect=satisfies(_eigh_ok()),
              hint="Skip pairs whose A[p, q] is already 0 (the angle formula would divide "
                   "by 0), and keep V orthonormal."),
        Check("random symmetric matrices",
              [Case(_random_symmetric(rng, n)) for n in range(2, 9)],
              expect=satisfies(_eigh_ok()), hint=sweep),
        Check("large entries", [Case(1000.0 * _random_symmetric(rng, 4))],
              expect=satisfies(_eigh_ok()),
              hint="Decide when to stop relative to the size of A, not with a fixed 1e-12."),
        Check("not symmetric", [Case(np.array([[1.0, 2.0], [3.0, 4.0]]))],
              expect=raises(ValueError),
              hint="Compare A with A.T (np.allclose) and raise ValueError if they differ."),
        Check("not square", [Case(np.ones((2, 3))), Case(np.ones(3))],
              expect=raises(ValueError),
              hint="Check that A is 2-D with as many rows as columns; raise ValueError if not."),
        Check("larger matrices", [Case(_random_symmetric(rng, 10)),
                                  Case(_symmetric_with(rng, [4.0, 4.0, -1.0, 0.5, 3.0, 0.0]))],
              expect=satisfies(_eigh_ok(hidden=True)), hidden=True, hint=sweep),
    ]


# --------------------------------------------------------------------------------------------
# covariance

def _np_cov(X: Any) -> np.ndarray:
    # np.cov returns a 0-d array for a single feature; the exercise returns (1, 1).
    return np.atleast_2d(np.cov(np.asarray(X, dtype=float), rowvar=False))


def covariance() -> list[Check]:
    rng = np.random.default_rng(2)
    formula = "Centre each column, then (Xc^T Xc) / (n_samples - 1)."
    return [
        Check("small data sets", [Case(np.array([[0.0, 0.0], [2.0, 4.0]])),
                                  Case(np.array([[1.0, 2.0], [3.0, 1.0], [5.0, 6.0]]))],
              expect=close_to(_np_cov), hint=formula),
        Check("random data", [Case(rng.normal(size=(n, d)) * rng.uniform(0.5, 3, size=d)
                                   + rng.normal(size=d) * 5)
                              for n, d in ((10, 3), (50, 4), (4, 6))],
              expect=close_to(_np_cov),
              hint="Subtract the column means (axis=0) before multiplying: the data are not "
                   "centred."),
        Check("sample, not population", [Case(np.array([[1.0], [2.0], [4.0]]))],
              expect=close_to(_np_cov),
              hint="The sample covariance divides by n_samples - 1, not n_samples."),
        Check("integer input", [Case(np.array([[1, 2], [2, 5], [4, 1], [3, 3]]))],
              expect=close_to(_np_cov), hint="Convert to float first: np.asarray(X, dtype=float)."),
        Check("a constant feature", [Case(np.column_stack([rng.normal(size=8), np.full(8, 7.0)]))],
              expect=close_to(_np_cov),
              hint="A feature that never changes has variance 0 and covariance 0 with the rest."),
        Check("fewer than 2 samples", [Case(np.ones((1, 3)))], expect=raises(ValueError),
              hint="With one sample, n_samples - 1 = 0: raise ValueError."),
        Check("not 2-D", [Case(np.ones(5)), Case(np.ones((2, 2, 2)))], expect=raises(ValueError),
              hint="X must be 2-D (n_samples, n_features): check X.ndim."),
        Check("larger data", [Case(rng.normal(size=(500, 6)) @ rng.normal(size=(6, 6)) + 3.0)],
              expect=close_to(_np_cov, hidden=True), hidden=True, hint=formula),
    ]


# --------------------------------------------------------------------------------------------
# pca_project

def _np_pca(X: Any, k: int) -> np.ndarray:
    """PCA from the SVD of the centred data, each component's largest entry made positive."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    C = Vt[:k].T  # (n_features, k)
    C = C * np.sign(C[np.abs(C).argmax(axis=0), np.arange(k)])
    return Xc @ C


def _pca_up_to_sign(case: Case, value: Any) -> str | None:
    expected = _np_pca(*case.args, **case.kwargs)
    problem = _array(value, expected.shape, "projection", hidden=False)
    if problem:
        return problem
    Z = np.asarray(value, dtype=float)
    signs = np.where((Z * expected).sum(axis=0) < 0, -1.0, 1.0)
    problem = compare_values(expected, Z * signs, rtol=1e-6, atol=1e-8 * _scale(expected),
                             what="projection (even after flipping the sign of columns)")
    if problem:
        return problem + (". Is the data centred, and are the components the eigenvectors "
                          "with the largest eigenvalues, largest first?")
    return None


def _data(rng: np.random.Generator, scales: list[float], n_samples: int) -> np.ndarray:
    """Data with these standard deviations along random directions, and a non-zero mean."""
    d = len(scales)
    latent = rng.normal(size=(n_samples, d)) * scales
    return latent @ _rotation(rng, d).T + rng.uniform(-10, 10, size=d)


def pca_project() -> list[Check]:
    rng = np.random.default_rng(3)
    cases = [Case(_data(rng, [3.0, 0.5], 40), 1),
             Case(_data(rng, [4.0, 2.0, 0.5], 60), 2),
             Case(_data(rng, [2.0, 1.0, 0.3], 30), 3),
             Case(_data(rng, [5.0, 1.0, 0.2, 0.1], 25), 1)]
    return [
        Check("projection up to sign", cases, expect=satisfies(_pca_up_to_sign),
              hint="Centre X, eigendecompose its covariance matrix, keep the eigenvectors of the "
                   "k largest eigenvalues (np.linalg.eigh sorts them ascending), project."),
        Check("sign convention", cases, expect=close_to(_np_pca, rtol=1e-6, atol=1e-8),
              hint="Flip each component so that its entry of largest absolute value is "
                   "positive: v[np.argmax(np.abs(v))] > 0."),
        Check("k out of range", [Case(np.ones((5, 3)), 0), Case(np.ones((5, 3)), 4)],
              expect=raises(ValueError), hint="Raise ValueError unless 1 <= k <= n_features."),
        Check("not 2-D", [Case(np.ones(5), 1)], expect=raises(ValueError),
              hint="X must be 2-D (n_samples, n_features): check X.ndim."),
        Check("larger data", [Case(_data(rng, [6.0, 4.0, 3.0, 1.0, 0.5, 0.2], 200), 3)],
              expect=close_to(_np_pca, rtol=1e-6, atol=1e-8, hidden=True), hidden=True,
              hint="Centre X, order the components by eigenvalue (largest first), keep "
                   "exactly k, and apply the sign convention to each."),
    ]
