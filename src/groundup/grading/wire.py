"""The wire format between the learner's process and the grader.

The learner's process hands back what the learner's code *returned*, as plain JSON: numbers,
strings, lists, dicts and NumPy arrays of numeric dtypes (base64 bytes with dtype and shape).
JSON is parsed without running any code, so whatever the learner's code does, it cannot make
the grader execute it or change the grader's verdict; it can only hand back values.

Objects of other types travel as a description (type and ``repr``) so that the grader can say
"you returned a list where an array was expected".
"""

from __future__ import annotations

import base64
import json
import math
from typing import Any

import numpy as np

_NUMERIC_KINDS = set("biufc")
MAX_ARRAY_BYTES = 64 * 2**20


class Opaque:
    """A value of a type the wire cannot carry: its type name and a short ``repr``."""

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name = type_name
        self.text = text

    def __repr__(self) -> str:
        return f"<{self.type_name}: {self.text}>"


def _float(x: float) -> Any:
    if math.isfinite(x):
        return x
    return {"__float__": repr(x)}  # "nan", "inf", "-inf": strict JSON has no literal for them


def encode(value: Any, _depth: int = 0) -> Any:
    """Turn a Python value into a JSON-compatible structure."""
    if _depth > 20:
        return {"__opaque__": type(value).__name__, "repr": "nested too deeply"}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, complex):
        return {"__complex__": [_float(value.real), _float(value.imag)]}
    if isinstance(value, np.ndarray) and value.dtype.kind in _NUMERIC_KINDS:
        if value.nbytes > MAX_ARRAY_BYTES:
            return {"__opaque__": "numpy.ndarray", "repr": f"array too large: shape {value.shape}"}
        data = value.copy(order="C")  # (ascontiguousarray would turn 0-d into 1-d)
        return {
            "__ndarray__": base64.b64encode(data.tobytes()).decode("ascii"),
            "dtype": data.dtype.str,
            "shape": list(data.shape),
        }
    if isinstance(value, np.generic) and value.dtype.kind in _NUMERIC_KINDS:
        return {"__npscalar__": encode(np.asarray(value), _depth + 1)}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v, _depth + 1) for v in value]}
    if isinstance(value, list):
        return [encode(v, _depth + 1) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"__dict__": {k: encode(v, _depth + 1) for k, v in value.items()}}
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a learner's __repr__ may raise anything
        text = "<repr failed>"
    return {"__opaque__": f"{type(value).__module__}.{type(value).__qualname__}", "repr": text[:300]}


def decode(data: Any) -> Any:
    """Inverse of :func:`encode`; never executes code."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "__float__" in data:
        return float(data["__float__"])
    if "__complex__" in data:
        re, im = (decode(v) for v in data["__complex__"])
        return complex(re, im)
    if "__ndarray__" in data:
        dtype = np.dtype(data["dtype"])
        if dtype.kind not in _NUMERIC_KINDS:
            raise ValueError(f"refusing non-numeric dtype {dtype}")
        raw = base64.b64decode(data["__ndarray__"])
        return np.frombuffer(raw, dtype=dtype).reshape(tuple(data["shape"])).copy()
    if "__npscalar__" in data:
        return decode(data["__npscalar__"])[()]
    if "__tuple__" in data:
        return tuple(decode(v) for v in data["__tuple__"])
    if "__dict__" in data:
        return {k: decode(v) for k, v in data["__dict__"].items()}
    if "__opaque__" in data:
        return Opaque(data["__opaque__"], data.get("repr", ""))
    raise ValueError(f"unknown wire object with keys {sorted(data)}")


def dumps(value: Any) -> str:
    return json.dumps(encode(value), allow_nan=False)


def loads(text: str) -> Any:
    return decode(json.loads(text))
