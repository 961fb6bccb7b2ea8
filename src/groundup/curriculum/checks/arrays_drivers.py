"""Drivers for the NumPy checks: run in the learner's process (standard library + NumPy).

``time_against_loop`` times the learner's function and a Python double loop over the pairs
of rows (the loop a learner would write first) on the same input in the same run, so that the
grader can judge a *ratio* of the two times: never an absolute time, which depends on the
machine and on what else it is doing.
"""

from __future__ import annotations

import math
import time
from types import ModuleType
from typing import Any

import numpy as np


def _loop_pairwise_distances(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """The baseline: the textbook double loop over pairs of rows, with NumPy inside."""
    D = np.empty((X.shape[0], Y.shape[0]))
    for i in range(X.shape[0]):
        for j in range(Y.shape[0]):
            D[i, j] = np.sqrt(np.sum((X[i] - Y[j]) ** 2))
    return D


def _elapsed(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def time_against_loop(module: ModuleType, function: str, X: np.ndarray, Y: np.ndarray,
                      rounds: int = 3) -> dict[str, float]:
    """Best times of the learner's ``function(X, Y)`` and of the loop baseline, in seconds.

    The two are interleaved, round after round, so that a burst of load on the machine slows
    both alike; the best time of each is its least disturbed measurement. The learner's
    (fast) function runs three times a round, the (slow) loop once.
    """
    learner = getattr(module, function)
    learner(X, Y)  # warm up: imports, caches, first-call costs
    learner_s, loop_s = math.inf, math.inf
    for _ in range(rounds):
        for _ in range(3):
            learner_s = min(learner_s, _elapsed(learner, X, Y))
        loop_s = min(loop_s, _elapsed(_loop_pairwise_distances, X, Y))
    return {"learner_s": learner_s, "loop_s": loop_s}


def _global_state() -> tuple[Any, ...]:
    state: Any = np.random.get_state()  # ('MT19937', keys, pos, has_gauss, cached_gaussian)
    return (state[0], np.asarray(state[1]).copy(), *state[2:])


def _same_state(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return a[0] == b[0] and bool(np.array_equal(a[1], b[1])) and a[2:] == b[2:]


def same_seed_twice(module: ModuleType, function: str, x: np.ndarray, n_resamples: int,
                    seed: int) -> dict[str, Any]:
    """Call the learner's function with seed, seed again, and seed + 1.

    Also reports whether the calls left NumPy's *global* random state (``np.random.seed``,
    ``np.random.randint``, ...) as it was: reproducible code draws only from its own generator.
    """
    fn = getattr(module, function)
    np.random.seed(20240601)  # a known global state, whatever ran before
    before = _global_state()
    first = fn(x, n_resamples, seed)
    again = fn(x, n_resamples, seed)
    other = fn(x, n_resamples, seed + 1)
    untouched = _same_state(before, _global_state())
    return {"first": np.asarray(first, dtype=float), "again": np.asarray(again, dtype=float),
            "other": np.asarray(other, dtype=float), "global_untouched": untouched}
