"""The learner's side of a grading run: ``python -m groundup.grading.child JOB_DIR``.

It limits its own resources, imports the learner's file, calls the learner's functions on the
check inputs, and appends what each call returned or raised to ``JOB_DIR/results.jsonl``, one
JSON line per call, as soon as the call ends (so a later timeout or crash loses nothing
before it). It decides nothing: the grader compares the values in its own process. It must
stay cheap to start: only NumPy is imported besides the standard library.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import os
import pickle
import resource
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from groundup.grading import wire


def _limit_resources(memory_mb: int | None, cpu_s: int | None) -> None:
    if memory_mb:
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if cpu_s:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _error(exc: BaseException, learner_file: str, display: str) -> dict[str, Any]:
    """Describe an exception, keeping only the frames of the learner's own file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if os.path.realpath(f.filename) == learner_file]
    for frame in frames:
        frame.filename = display
    lineno = frames[-1].lineno if frames else None
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001 - a learner's exception may fail to print
        message = "<the exception's message could not be printed>"
    if isinstance(exc, SystemExit):
        message = f"exit({exc.code!r}) was called; a function should return its result instead"
    return {
        "type": type(exc).__name__,
        "message": message[:2000],
        "traceback": "".join(traceback.format_list(frames))[-4000:] if frames else "",
        "lineno": lineno,
        "bases": [cls.__name__ for cls in type(exc).__mro__],
    }


def _same(a: Any, b: Any) -> bool:
    """Whether a data input (array, list, dict) still equals its copy after the call.

    Other objects (functions, random generators, ...) are not data: a generator is *meant*
    to change when it is used, so they always count as unchanged.
    """
    import numpy as np

    try:
        if type(a).__module__.startswith("pandas") and hasattr(a, "equals"):
            return bool(a.equals(b)) and bool(getattr(a, "dtypes", None) is None
                                                or (a.dtypes == b.dtypes).all())
        if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
            return bool(np.array_equal(a, b, equal_nan=True))
        if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
            return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
        if isinstance(a, (int, float, complex, str, bytes, np.generic)):
            return bool(a == b) or (a != a and b != b)  # NaN equals NaN here
        return True
    except Exception:  # noqa: BLE001 - objects whose comparison fails count as unchanged
        return True


def _import_learner(path: str) -> ModuleType:
    name = "learner_" + Path(path).stem
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _resolve(target: str) -> Any:
    module_name, _, attr = target.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def _run_call(module: ModuleType, call: dict[str, Any], learner_file: str,
              display: str) -> dict[str, Any]:
    args, kwargs = call["args"], call["kwargs"]
    passed_args, passed_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    start = time.perf_counter()
    try:
        if call["driver"]:
            value = _resolve(call["driver"])(module, *passed_args, **passed_kwargs)
        else:
            fn = getattr(module, call["function"], None)
            if fn is None or not callable(fn):
                return {"error": {"type": "AttributeError", "bases": ["AttributeError"],
                                  "message": f"your file does not define a function named "
                                             f"`{call['function']}`", "traceback": "",
                                  "lineno": None}}
            value = fn(*passed_args, **passed_kwargs)
    except BaseException as exc:  # noqa: BLE001 - everything the learner raises is reported
        return {"error": _error(exc, learner_file, display),
                "duration_s": time.perf_counter() - start}
    duration = time.perf_counter() - start
    mutated = [str(i) for i, (a, b) in enumerate(zip(args, passed_args, strict=True))
               if not _same(a, b)]
    mutated += [k for k in kwargs if not _same(kwargs[k], passed_kwargs[k])]
    return {"value": wire.encode(value), "mutated": mutated, "duration_s": duration}


def main(job_dir: str) -> int:
    job_path = Path(job_dir)
    # The job file is written by the grader (trusted); the learner's code has not run yet.
    job = pickle.loads((job_path / "job.pickle").read_bytes())
    _limit_resources(job.get("memory_mb"), job.get("cpu_s"))
    learner_file = os.path.realpath(job["file"])
    display = job.get("display", job["file"])
    out = os.open(job_path / "results.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def emit(record: dict[str, Any]) -> None:
        os.write(out, (json.dumps(record, allow_nan=False) + "\n").encode())

    try:
        module = _import_learner(learner_file)
    except BaseException as exc:  # noqa: BLE001 - a crash at import is the learner's to see
        emit({"import_error": _error(exc, learner_file, display)})
        return 0
    emit({"imported": True})
    for index, call in enumerate(job["calls"]):
        emit({"start": index})
        record = _run_call(module, call, learner_file, display)
        try:
            emit({"call": index, **record})
        except (TypeError, ValueError) as exc:  # the value could not be written as JSON
            emit({"call": index, "error": _error(exc, learner_file, display)})
    emit({"done": True})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
