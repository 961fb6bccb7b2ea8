"""Checks for the linear-algebra exercises: the learner's code against ``numpy``."""

from __future__ import annotations

import numpy as np

from groundup.grading.spec import Case, Check, close_to, raises


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
