"""Checks for the matrix-multiplication exercise: the learner's code against ``numpy.matmul``."""

from __future__ import annotations

import numpy as np

from groundup.grading.spec import Case, Check, close_to, raises


def matmul() -> list[Check]:
    rng = np.random.default_rng(10)
    rows_times_columns = "Entry (i, j) is the dot product of row i of A with column j of B."
    return [
        Check("2x2 matrices", [Case(np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]]))],
              expect=close_to(np.matmul), hint=rows_times_columns),
        Check("non-square matrices",
              [Case(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), np.arange(12.0).reshape(3, 4)),
               Case(rng.normal(size=(5, 2)), rng.normal(size=(2, 3)))],
              expect=close_to(np.matmul),
              hint="(m, n) @ (n, p) gives (m, p): the result has A's rows and B's columns. "
                   + rows_times_columns),
        Check("matrix times vector",
              [Case(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([1.0, -1.0]))],
              expect=close_to(np.matmul),
              hint="A 1-D B is a single column: the result is 1-D, of length A.shape[0]."),
        Check("rows, columns and 1x1",
              [Case(np.array([[1.0, 2.0, 3.0]]), np.array([[4.0], [5.0], [6.0]]),
                    label="row (1, 3) @ column (3, 1)"),
               Case(np.array([[1.0], [2.0], [3.0]]), np.array([[4.0, 5.0]]),
                    label="column (3, 1) @ row (1, 2): an outer product"),
               Case(np.array([[3.0]]), np.array([[-2.0]]))],
              expect=close_to(np.matmul),
              hint="The inner dimension may be 1, and so may the outer ones. " + rows_times_columns),
        Check("the identity changes nothing", [Case(np.eye(3), rng.normal(size=(3, 4)))],
              expect=close_to(np.matmul), hint=rows_times_columns),
        Check("inner dimensions differ",
              [Case(np.ones((2, 3)), np.ones((2, 3))), Case(np.ones((3, 2)), np.ones(3)),
               Case(np.ones((2, 2)), np.ones((3, 3)))],
              expect=raises(ValueError),
              hint="A.shape[1] must equal B.shape[0]: check it and raise ValueError before "
                   "computing anything."),
        Check("a neural-network layer and larger matrices",
              [Case(rng.normal(size=(64, 10)), rng.normal(size=(10, 16)),
                    label="X (64 samples, 10 features) @ W (10, 16 hidden)"),
               Case(rng.normal(size=(30, 40)), rng.normal(size=(40, 20))),
               Case(rng.normal(size=(25, 7)), rng.normal(size=7))],
              expect=close_to(np.matmul, hidden=True), hidden=True, hint=rows_times_columns),
    ]
