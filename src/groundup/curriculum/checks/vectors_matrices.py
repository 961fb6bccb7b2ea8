"""Checks for the vectors-and-matrices exercises: the learner's code against ``numpy``.

Every expected value comes from NumPy (``numpy.linalg`` for the linear systems), never from
``groundup``. The ill-conditioned cases compare with a tolerance of about ``cond(A) * eps``:
two correct solvers legitimately differ by that much.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, close_to, raises

# A matrix whose first pivot is zero, and one whose first pivot is tiny: without row swaps
# the first divides by zero and the second loses all accuracy.
SWAP = np.array([[0.0, 1.0], [1.0, 0.0]])
TINY_PIVOT = np.array([[1e-20, 1.0], [1.0, 1.0]])
# Singular: the second row is twice the first; the third row of the next is 2*row2 - row1.
SINGULAR_2 = np.array([[1.0, 2.0], [2.0, 4.0]])
SINGULAR_3 = np.arange(1.0, 10.0).reshape(3, 3)


def hilbert(n: int) -> np.ndarray:
    """The Hilbert matrix ``H[i, j] = 1 / (i + j + 1)``: famously ill-conditioned."""
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)  # (n, n)


def _float(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=float)


# --------------------------------------------------------------------------------------------
# Vectors

def add() -> list[Check]:
    rng = np.random.default_rng(1)

    def ref(u: Any, v: Any) -> np.ndarray:
        return np.add(_float(u), _float(v))

    return [
        Check("small integer vectors", [Case([1, 2], [3, -1]), Case([0, 0, 0], [1, 2, 3])],
              expect=close_to(ref), hint="Add matching elements: result[i] = u[i] + v[i]."),
        Check("random vectors", [Case(rng.normal(size=n), rng.normal(size=n)) for n in (1, 5, 50)],
              expect=close_to(ref), hint="Add matching elements: result[i] = u[i] + v[i]."),
        Check("lengths differ", [Case([1.0, 2.0, 3.0], [1.0]), Case(np.ones(2), np.ones(3))],
              expect=raises(ValueError),
              hint="NumPy would broadcast [1, 2, 3] + [1] silently: compare the shapes first and "
                   "raise ValueError when they differ."),
        Check("not vectors", [Case(np.ones((2, 2)), np.ones((2, 2)))], expect=raises(ValueError),
              hint="A vector is 1-D: check `ndim` after converting with np.asarray."),
        Check("large vectors", [Case(rng.normal(size=1000), rng.normal(size=1000))],
              expect=close_to(ref, hidden=True), hidden=True,
              hint="Every element of the result is the sum of the matching elements."),
    ]


def scale() -> list[Check]:
    rng = np.random.default_rng(2)

    def ref(c: float, v: Any) -> np.ndarray:
        return np.multiply(c, _float(v))

    return [
        Check("stretch a vector", [Case(3, [1, -2]), Case(2.5, [2, 4, 6])],
              expect=close_to(ref),
              hint="Multiply every element by c. Careful: for a Python list, `3 * [1, -2]` "
                   "repeats the list; convert with np.asarray(v, dtype=float) first."),
        Check("flip and shrink", [Case(-1, np.array([1.0, 2.0])), Case(0, np.array([5.0, -7.0])),
                                  Case(0.5, rng.normal(size=6))],
              expect=close_to(ref), hint="A negative c flips the arrow; c = 0 gives zeros."),
        Check("not a vector", [Case(2.0, np.ones((2, 3)))], expect=raises(ValueError),
              hint="A vector is 1-D: check `ndim` after converting with np.asarray."),
        Check("random scalars and vectors",
              [Case(float(rng.normal()), rng.normal(size=n)) for n in (1, 100)]
              + [Case(-3, [1, 2, 3, 4])],
              expect=close_to(ref, hidden=True), hidden=True,
              hint="Multiply every element by c, for lists as well as arrays."),
    ]


def dot() -> list[Check]:
    rng = np.random.default_rng(0)
    return [
        Check("small integer vectors", [Case([1, 2, 3], [4, 5, 6]), Case([0, 0], [3, -1])],
              expect=close_to(np.dot), hint="Multiply matching elements, then sum them."),
        Check("random vectors", [Case(rng.normal(size=n), rng.normal(size=n)) for n in (1, 7, 100)],
              expect=close_to(np.dot), hint="Multiply matching elements, then sum them."),
        Check("lengths differ", [Case(np.ones(3), np.ones(4))], expect=raises(ValueError),
              hint="Compare the lengths first and raise ValueError when they differ."),
        Check("not vectors", [Case(np.ones((2, 2)), np.ones((2, 2)))], expect=raises(ValueError),
              hint="A vector is 1-D: check `ndim` after converting with np.asarray."),
        Check("large vectors", [Case(rng.normal(size=10_000), rng.normal(size=10_000))],
              expect=close_to(np.dot, rtol=1e-9, hidden=True), hidden=True,
              hint="Make sure every element takes part in the sum."),
    ]


def norm() -> list[Check]:
    rng = np.random.default_rng(3)

    def ref(v: Any) -> float:
        return float(np.linalg.norm(_float(v)))

    return [
        Check("a 3-4-5 triangle", [Case([3, 4]), Case([1, 2, 2])], expect=close_to(ref),
              hint="Square each element, add them up, take the square root (Pythagoras)."),
        Check("negative entries", [Case([-3.0]), Case([-1.0, -1.0, 1.0, 1.0])],
              expect=close_to(ref),
              hint="Squares are never negative: square first, then sum, then take the root."),
        Check("the zero vector", [Case([0.0, 0.0, 0.0])], expect=close_to(ref),
              hint="The zero vector has length 0."),
        Check("random vectors", [Case(rng.normal(size=n)) for n in (1, 10, 100)],
              expect=close_to(ref), hint="norm(v) = sqrt(v[0]**2 + v[1]**2 + ...)."),
        Check("not a vector", [Case(np.ones((2, 2)))], expect=raises(ValueError),
              hint="A vector is 1-D: check `ndim` after converting with np.asarray."),
        Check("large vectors", [Case(rng.normal(size=10_000)), Case(rng.uniform(0, 1e6, size=50))],
              expect=close_to(ref, rtol=1e-9, hidden=True), hidden=True,
              hint="Every element takes part, squared."),
    ]


def cosine_similarity() -> list[Check]:
    rng = np.random.default_rng(4)

    def ref(u: Any, v: Any) -> float:
        u, v = _float(u), _float(v)
        return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))

    u = rng.normal(size=8)
    return [
        Check("easy angles", [Case([1, 0], [0, 1], label="perpendicular: u = [1, 0], v = [0, 1]"),
                              Case([1, 0], [1, 1], label="45 degrees: u = [1, 0], v = [1, 1]"),
                              Case([1, 2], [2, 4], label="same direction: u = [1, 2], v = [2, 4]"),
                              Case([1, 2], [-1, -2])],
              expect=close_to(ref),
              hint="cos(theta) = dot(u, v) / (norm(u) * norm(v))."),
        Check("length does not matter", [Case(u, 1000.0 * u), Case(u, -0.001 * u)],
              expect=close_to(ref),
              hint="Divide by the product of both lengths, not their squares."),
        Check("random vectors", [Case(rng.normal(size=n), rng.normal(size=n)) for n in (2, 5, 50)],
              expect=close_to(ref), hint="cos(theta) = dot(u, v) / (norm(u) * norm(v))."),
        Check("a zero vector", [Case([0.0, 0.0], [1.0, 2.0]), Case([1.0, 2.0], [0.0, 0.0])],
              expect=raises(ValueError),
              hint="The zero vector has no direction: raise ValueError instead of dividing by 0."),
        Check("lengths differ", [Case(np.ones(3), np.ones(2))], expect=raises(ValueError),
              hint="Compare the lengths first and raise ValueError when they differ."),
        Check("high-dimensional vectors",
              [Case(rng.normal(size=1000), rng.normal(size=1000)),
               Case(rng.uniform(0, 1, size=300), rng.uniform(0, 1, size=300))],
              expect=close_to(ref, hidden=True), hidden=True,
              hint="cos(theta) = dot(u, v) / (norm(u) * norm(v))."),
    ]


# --------------------------------------------------------------------------------------------
# Matrices

def transpose() -> list[Check]:
    rng = np.random.default_rng(5)
    return [
        Check("a square matrix", [Case(np.array([[1, 2], [3, 4]])), Case(rng.normal(size=(4, 4)))],
              expect=close_to(np.transpose), hint="Entry (i, j) of the result is A[j, i]."),
        Check("non-square matrices",
              [Case(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])), Case(rng.normal(size=(5, 2)))],
              expect=close_to(np.transpose),
              hint="An (m, n) matrix becomes (n, m): allocate the result with the shape swapped. "
                   "A reshape keeps the reading order of the numbers, so it is not a transpose."),
        Check("rows, columns and 1x1",
              [Case(np.array([[1.0, 2.0, 3.0]])), Case(np.array([[1.0], [2.0], [3.0]])),
               Case(np.array([[7.0]]))],
              expect=close_to(np.transpose),
              hint="A row (1, n) becomes a column (n, 1), and the other way round."),
        Check("a list of lists", [Case([[1, 2, 3], [4, 5, 6]])], expect=close_to(np.transpose),
              hint="Convert the input with np.asarray first."),
        Check("not a matrix", [Case(np.ones((2, 2, 2))), Case(np.ones(3))],
              expect=raises(ValueError), hint="Check `A.ndim == 2` and raise ValueError otherwise."),
        Check("more matrices", [Case(rng.normal(size=(7, 13))), Case(np.zeros((0, 3))),
                                Case(rng.integers(-9, 9, size=(3, 8)))],
              expect=close_to(np.transpose, hidden=True), hidden=True,
              hint="Entry (i, j) of the result is A[j, i], for every shape, even an empty one."),
    ]


def solve() -> list[Check]:
    rng = np.random.default_rng(6)
    A4 = rng.normal(size=(4, 4))
    return [
        Check("a 2x2 system", [Case(np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([3.0, 5.0]))],
              expect=close_to(np.linalg.solve),
              hint="Eliminate x0 from the second row, solve the last row, then substitute back."),
        Check("random systems",
              [Case(rng.normal(size=(n, n)), rng.normal(size=n)) for n in (1, 3, 10)],
              expect=close_to(np.linalg.solve),
              hint="Forward elimination to an upper-triangular U, then back substitution from the "
                   "last row up."),
        Check("several right-hand sides", [Case(A4, rng.normal(size=(4, 3)))],
              expect=close_to(np.linalg.solve),
              hint="A 2-D b holds one right-hand side per column: apply every row operation to "
                   "whole rows of b, and the result has the shape of b."),
        Check("a zero pivot", [Case(SWAP, np.array([2.0, 3.0])),
                               Case(np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 1.0], [2.0, 1.0, 0.0]]),
                                    np.array([1.0, 2.0, 3.0]))],
              expect=close_to(np.linalg.solve),
              hint="A[0, 0] is 0 here: swap in the row with the largest |entry| in the column "
                   "(partial pivoting) before dividing."),
        Check("a tiny pivot", [Case(TINY_PIVOT, np.array([1.0, 2.0]),
                                    label="A = [[1e-20, 1], [1, 1]], b = [1, 2]")],
              expect=close_to(np.linalg.solve),
              hint="Dividing by 1e-20 blows up rounding errors: always pivot on the largest "
                   "|entry| of the column, not only when the pivot is exactly 0."),
        Check("a scaled matrix", [Case(1e-14 * A4, np.array([1.0, 2.0, 3.0, 4.0]),
                                       label="A = 1e-14 * (a random 4x4 matrix), b = [1, 2, 3, 4]")],
              expect=close_to(np.linalg.solve),
              hint="This matrix is not singular, only small: compare a pivot with a tolerance "
                   "relative to the size of A's entries (n * eps * max|A|), not with a fixed 1e-12."),
        Check("singular matrices", [Case(SINGULAR_2, np.array([1.0, 2.0])),
                                    Case(SINGULAR_3, np.array([1.0, 2.0, 3.0]))],
              expect=raises(ValueError),
              hint="When no pivot in a column is bigger than the tolerance, A is singular: raise "
                   "ValueError. Rounding makes 'zero' pivots tiny, not exactly 0."),
        Check("wrong shapes", [Case(np.ones((2, 3)), np.ones(2)), Case(np.eye(3), np.ones(4)),
                               Case(np.eye(3), np.ones((2, 2)))],
              expect=raises(ValueError),
              hint="A must be square and b must have as many rows as A."),
        Check("larger systems", [Case(rng.normal(size=(40, 40)), rng.normal(size=40)),
                                 Case(rng.normal(size=(12, 12)), rng.normal(size=(12, 5)))],
              expect=close_to(np.linalg.solve, rtol=1e-6, hidden=True), hidden=True,
              hint="Elimination with partial pivoting, then back substitution, for any n."),
        Check("an ill-conditioned matrix (Hilbert)",
              [Case(hilbert(8), hilbert(8).sum(axis=1))],
              # cond(H8) ~ 1.5e10: answers agree to ~cond * eps, not to full precision.
              expect=close_to(np.linalg.solve, rtol=1e-4, hidden=True), hidden=True,
              hint="Pivot on the largest entry and do not round anything yourself."),
    ]


def det() -> list[Check]:
    rng = np.random.default_rng(7)
    return [
        Check("2x2 matrices", [Case(np.array([[1.0, 2.0], [3.0, 4.0]])),
                               Case(np.array([[2.0, 0.0], [0.0, 3.0]]))],
              expect=close_to(np.linalg.det),
              hint="For [[a, b], [c, d]] the determinant is a*d - b*c: check your elimination on "
                   "it by hand."),
        Check("row swaps", [Case(SWAP),
                            Case(np.array([[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]))],
              expect=close_to(np.linalg.det),
              hint="Each row swap flips the sign of the determinant: count the swaps."),
        Check("random matrices", [Case(rng.normal(size=(n, n))) for n in (1, 3, 6)],
              expect=close_to(np.linalg.det, rtol=1e-9),
              hint="Eliminate to an upper-triangular U (with pivoting), multiply the diagonal, "
                   "then flip the sign once per row swap."),
        Check("singular matrices", [Case(SINGULAR_2), Case(SINGULAR_3)],
              expect=close_to(np.linalg.det),
              hint="A singular matrix squashes space flat: return 0.0 instead of raising."),
        Check("a scaled matrix", [Case(1e-3 * rng.normal(size=(5, 5)),
                                       label="A = 1e-3 * (a random 5x5 matrix)")],
              expect=close_to(np.linalg.det, rtol=1e-9, atol=0.0),
              hint="Scaling an n x n matrix by c scales the determinant by c**n: a tiny "
                   "determinant is not zero. Use a tolerance relative to max|A|."),
        Check("not square", [Case(np.ones((2, 3)))], expect=raises(ValueError),
              hint="Only square matrices have a determinant: raise ValueError otherwise."),
        Check("larger matrices", [Case(rng.normal(size=(12, 12))), Case(hilbert(6))],
              expect=close_to(np.linalg.det, rtol=1e-6, atol=0.0, hidden=True), hidden=True,
              hint="Elimination with pivoting, product of the pivots, one sign flip per swap."),
    ]


def inv() -> list[Check]:
    rng = np.random.default_rng(8)
    return [
        Check("a diagonal matrix", [Case(np.array([[2.0, 0.0], [0.0, 4.0]]))],
              expect=close_to(np.linalg.inv),
              hint="Undoing 'double x, quadruple y' is 'halve x, quarter y'."),
        Check("random matrices", [Case(rng.normal(size=(n, n))) for n in (1, 3, 8)],
              expect=close_to(np.linalg.inv, rtol=1e-6),
              hint="Column j of the inverse solves A x = e_j (column j of the identity): "
                   "eliminate once with I as the right-hand side."),
        Check("pivoting needed", [Case(SWAP),
                                  Case(TINY_PIVOT, label="A = [[1e-20, 1], [1, 1]]")],
              expect=close_to(np.linalg.inv),
              hint="Swap in the row with the largest |entry| of the column before dividing, "
                   "as in solve."),
        Check("singular matrices", [Case(SINGULAR_2), Case(SINGULAR_3)],
              expect=raises(ValueError),
              hint="A singular matrix has no inverse: raise ValueError when no pivot is "
                   "usable."),
        Check("not square", [Case(np.ones((3, 2)))], expect=raises(ValueError),
              hint="Only square matrices can have an inverse."),
        Check("larger and ill-conditioned matrices",
              [Case(rng.normal(size=(20, 20))), Case(hilbert(5))],
              expect=close_to(np.linalg.inv, rtol=1e-6, hidden=True), hidden=True,
              hint="Gauss-Jordan or solve(A, I), with partial pivoting."),
    ]
