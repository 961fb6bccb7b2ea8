"""Drivers for the sampling checks: run in the learner's process (standard library + NumPy)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np


def same_seed_twice(module: ModuleType, function: str, n: int, *params: Any,
                    seed: int) -> dict[str, Any]:
    """Call the learner's sampler three times: twice with the same seed, once with another.

    A sampler that draws from the generator it is given returns the same samples for the same
    seed and different ones for another seed.
    """
    sampler = getattr(module, function)
    first = sampler(n, *params, np.random.default_rng(seed))
    again = sampler(n, *params, np.random.default_rng(seed))
    other = sampler(n, *params, np.random.default_rng(seed + 1))
    return {"first": np.asarray(first, dtype=float), "again": np.asarray(again, dtype=float),
            "other": np.asarray(other, dtype=float)}
