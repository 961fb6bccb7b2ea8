"""Drivers for the linear-model checks: run in the learner's process (standard library + NumPy)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np


def without_overflow(module: ModuleType, function: str, *args: Any) -> Any:
    """Call the learner's function with NumPy's overflow and invalid-value warnings turned
    into errors: a stable implementation never exponentiates a large positive number."""
    with np.errstate(over="raise", invalid="raise"):
        return getattr(module, function)(*args)
