"""Drivers for the GPT exercises: run in the learner's process (standard library and NumPy
only) and hand back plain arrays."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np


def get_batch_seeded(module: ModuleType, data: Any, batch_size: int, block_size: int,
                     seed: int, calls: int = 1) -> list[Any]:
    """Call the learner's ``get_batch`` ``calls`` times with one generator seeded ``seed``;
    return ``[x1, y1, x2, y2, ...]``."""
    rng = np.random.default_rng(seed)
    out: list[Any] = []
    for _ in range(calls):
        x, y = module.get_batch(data, batch_size, block_size, rng)
        out += [x, y]
    return out
