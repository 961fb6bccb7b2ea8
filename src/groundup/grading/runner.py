"""The grader: runs the learner's file in a separate, limited process and judges the results.

The verdict is decided here, never in the learner's process: the learner's code only hands
back values (see :mod:`groundup.grading.wire`), which are compared with the references in this
process. A file that exits early, prints "PASSED" or patches NumPy cannot turn a wrong answer
into a pass.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import json
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from groundup.curriculum.registry import Exercise
from groundup.grading import static, wire
from groundup.grading.spec import Case, Check, ErrorInfo, Outcome

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MEMORY_MB = 2048
DEFAULT_OUTPUT_KB = 64


@dataclass
class Limits:
    timeout_s: float = DEFAULT_TIMEOUT_S
    memory_mb: int = DEFAULT_MEMORY_MB
    output_kb: int = DEFAULT_OUTPUT_KB


@dataclass
class CheckResult:
    name: str
    passed: bool
    message: str = ""
    hidden: bool = False


@dataclass
class GradeResult:
    """The verdict on one exercise. ``status`` is one of ``passed``, ``failed``,
    ``syntax-error``, ``missing-file``, ``timeout`` or ``crashed``."""

    id: str
    passed: bool
    status: str
    checks: list[CheckResult]
    duration_s: float
    output: str = ""
    output_bytes: int = 0
    hint_command: str = ""

    @property
    def first_failure(self) -> CheckResult | None:
        return next((c for c in self.checks if not c.passed), None)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["checks"] = [
            {"name": c.name, "passed": c.passed, "message": c.message, "hidden": c.hidden}
            for c in self.checks
        ]
        return data


@dataclass
class _Run:
    records: list[dict[str, Any]] = field(default_factory=list)
    returncode: int | None = None
    timed_out: bool = False
    output: str = ""
    output_bytes: int = 0


def _drain(stream: Any, cap: int, run: _Run) -> None:
    """Read everything the learner prints, keeping the first ``cap`` bytes."""
    kept = bytearray()
    total = 0
    while chunk := stream.read(65536):
        total += len(chunk)
        if len(kept) < cap:
            kept += chunk[: cap - len(kept)]
    run.output = kept.decode("utf-8", errors="replace")
    run.output_bytes = total


def _run_child(job: dict[str, Any], limits: Limits, cwd: Path) -> _Run:
    run = _Run()
    with tempfile.TemporaryDirectory(prefix="groundup-") as tmp:
        job_dir = Path(tmp)
        (job_dir / "job.pickle").write_bytes(pickle.dumps(job))
        env = dict(os.environ)
        env.update(
            OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
            PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1", MPLBACKEND="Agg",
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "groundup.grading.child", str(job_dir)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            cwd=cwd, env=env, start_new_session=True,
        )
        reader = threading.Thread(target=_drain, args=(proc.stdout, limits.output_kb * 1024, run),
                                  daemon=True)
        reader.start()
        try:
            run.returncode = proc.wait(timeout=limits.timeout_s)
        except subprocess.TimeoutExpired:
            run.timed_out = True
        finally:
            # Kill the whole process group: the learner's code may have started children.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            reader.join(timeout=5)
        results = job_dir / "results.jsonl"
        if results.exists():
            for line in results.read_text(errors="replace").splitlines():
                try:
                    run.records.append(json.loads(line))
                except json.JSONDecodeError:
                    break  # a line cut short by a kill
    return run


def _outcome(record: dict[str, Any]) -> Outcome:
    if "error" in record:
        return Outcome(error=ErrorInfo(**record["error"]), duration_s=record.get("duration_s", 0))
    try:
        value = wire.decode(record.get("value"))
    except ValueError as exc:
        return Outcome(error=ErrorInfo("ValueError", f"the result could not be read: {exc}"))
    return Outcome(value=value, mutated=record.get("mutated", []),
                   duration_s=record.get("duration_s", 0))


def _judge(check: Check, case: Case, outcome: Outcome, arg_names: list[str]) -> str | None:
    expects_error = getattr(check.expect, "expects_error", False)
    if outcome.error is not None and not expects_error:
        if outcome.error.type == "MemoryError":
            return ("ran out of memory (MemoryError): the grader limits memory; are you "
                    "building something far larger than the input?\n" + outcome.error.describe())
        return "your function raised " + outcome.error.describe() \
            if outcome.error.type != "NotImplementedError" else outcome.error.describe()
    if outcome.mutated and not check.allow_mutation:
        names = [arg_names[int(m)] if m.isdigit() and int(m) < len(arg_names) else m
                 for m in outcome.mutated]
        frames = any(type(v).__module__.startswith("pandas")
                     for v in [*case.args, *case.kwargs.values()])
        how = ("`df = df.copy()` first, or build new columns with `assign`" if frames
               else "for example `A = np.array(A, dtype=float)`")
        return (f"your function changed its input {', '.join(names)} in place; work on a copy "
                f"({how}): the caller's data must not change")
    return check.expect(case, outcome)


def _arg_names(exercise: Exercise, function: str) -> list[str]:
    try:
        index = exercise.functions.index(function)
        ref = exercise.reference_functions()[index]
        return list(inspect.signature(ref).parameters)
    except (ValueError, TypeError, AttributeError, ImportError):
        return []


def _failure_message(check: Check, case: Case, problem: str, names: list[str]) -> str:
    where = "a hidden input" if check.hidden else f"input: {case.describe(names)}"
    message = f"{where}\n{problem}"
    if check.hint:
        message += f"\nhint: {check.hint}"
    return message


def grade(exercise: Exercise, path: Path, *, display: str | None = None,
          limits: Limits | None = None, cwd: Path | None = None) -> GradeResult:
    """Grade the learner's file ``path`` for ``exercise``."""
    start = time.perf_counter()
    limits = limits or Limits()
    if exercise.timeout_s:
        limits = Limits(max(limits.timeout_s, exercise.timeout_s), limits.memory_mb, limits.output_kb)
    if exercise.memory_mb:
        limits = Limits(limits.timeout_s, max(limits.memory_mb, exercise.memory_mb), limits.output_kb)
    display = display or str(path)

    def result(status: str, checks: list[CheckResult], run: _Run | None = None) -> GradeResult:
        passed = status == "passed"
        return GradeResult(
            exercise.id, passed, status, checks, time.perf_counter() - start,
            output=run.output if run else "", output_bytes=run.output_bytes if run else 0,
            hint_command="" if passed else f"groundup hint {exercise.id}",
        )

    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return result("missing-file", [CheckResult(
            "file exists", False,
            f"{display} does not exist. Run `groundup init` to add missing exercise files, "
            f"or `groundup reset {exercise.id}` to restore the stub.")])
    except UnicodeDecodeError as exc:
        return result("crashed", [CheckResult(
            "file is readable", False, f"{display} is not UTF-8 text: {exc}")])
    try:
        tree = ast.parse(source, filename=display)
    except SyntaxError as exc:
        return result("syntax-error", [CheckResult(
            "syntax", False, "your file has a syntax error:\n" +
            static.format_syntax_error(exc, display))])

    results: list[CheckResult] = []
    violations = static.find_forbidden(tree, source, exercise.forbidden)
    if exercise.forbidden:
        results.append(CheckResult(
            "uses only allowed tools", not violations,
            "\n".join(v.describe(display) for v in violations)
            + (("\nThink in whole arrays: broadcasting, masks and reductions over an axis."
                if all(v.name in ("for", "while") for v in violations)
                else "\nThe point of this exercise is to write that part yourself.")
               if violations else ""),
        ))
    checks = exercise.load_checks()
    calls: list[dict[str, Any]] = []
    index: list[tuple[int, int]] = []
    for ci, check in enumerate(checks):
        function = check.function or exercise.functions[0]
        for ki, case in enumerate(check.cases):
            calls.append({"function": function, "driver": case.driver,
                          "args": case.args, "kwargs": case.kwargs})
            index.append((ci, ki))
    job = {"file": str(path.resolve()), "display": display, "calls": calls,
           "memory_mb": limits.memory_mb, "cpu_s": int(limits.timeout_s) + 2}
    run = _run_child(job, limits, cwd or path.parent)

    import_error = next((r["import_error"] for r in run.records if "import_error" in r), None)
    if import_error:
        err = ErrorInfo(**import_error)
        load_problem = (
            "your file exited while it was being loaded: " + err.message
            if err.type == "SystemExit" else
            "your file raised an error while it was being loaded (code at the top level of "
            "the file runs on import):\n" + err.describe()
        )
        results.append(CheckResult("file loads", False, load_problem))
        return result("failed", results, run)

    outcomes: dict[int, Outcome] = {}
    started: int | None = None
    for record in run.records:
        if "start" in record:
            started = record["start"]
        elif "call" in record:
            outcomes[record["call"]] = _outcome(record)
    finished = any("done" in r for r in run.records)

    status = "passed"
    stopped = ""
    if run.timed_out:
        status, stopped = "timeout", (
            f"timed out after {limits.timeout_s:g} s: is there a loop that never ends, or a "
            "loop over far more items than the input has?")
    elif not finished:
        code = run.returncode
        if code is not None and code < 0 and -code in (signal.SIGXCPU, signal.SIGKILL):
            why = "it was stopped for using too much CPU time or memory"
        elif not any("imported" in r for r in run.records):
            why = (f"the process exited with code {code} while your file was being loaded: "
                   "remove calls to sys.exit(), exit() or os._exit() from your file")
        else:
            why = (f"the process exited with code {code} in the middle of a check: remove "
                   "calls to sys.exit(), exit() or os._exit() from your functions")
        status, stopped = "crashed", why

    names_cache: dict[str, list[str]] = {}
    for ci, check in enumerate(checks):
        function = check.function or exercise.functions[0]
        names = names_cache.setdefault(function, _arg_names(exercise, function))
        problem: str | None = None
        for flat, (cj, ki) in enumerate(index):
            if cj != ci:
                continue
            case = check.cases[ki]
            if flat not in outcomes:
                problem = _failure_message(check, case, stopped, names) if flat == started \
                    else "not run: " + stopped
                break
            issue = _judge(check, case, outcomes[flat], names)
            if issue:
                problem = _failure_message(check, case, issue, names)
                break
        results.append(CheckResult(check.name, problem is None, problem or "", check.hidden))
    if not checks:
        results.append(CheckResult("has checks", False, "this exercise declares no checks"))
    if status == "passed" and not all(r.passed for r in results):
        status = "failed"
    return result(status, results, run)
