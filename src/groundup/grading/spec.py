"""How checks are written.

A check module (``groundup.curriculum.checks.<topic>``) has one function per exercise that
returns a list of :class:`Check`. A check runs the learner's function on a few :class:`Case`
inputs in the learner's process, then *the grader* compares what came back with an independent
reference (NumPy, SciPy, ...) computed here, in the grader's own process::

    def dot() -> list[Check]:
        rng = np.random.default_rng(0)
        return [
            Check("random vectors", [Case(rng.normal(size=5), rng.normal(size=5))],
                  expect=close_to(np.dot), hint="Multiply element-wise, then add up."),
            Check("length mismatch", [Case(np.ones(3), np.ones(4))],
                  expect=raises(ValueError), hint="Compare len(u) and len(v) first."),
        ]

A comparator takes the case and the :class:`Outcome` and returns ``None`` when it is right, or a
message that says what differs. Hidden checks pass ``hidden=True`` to the describe helpers, so
that their messages never reveal expected values.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from groundup.grading.wire import Opaque


@dataclass
class Case:
    """One input for the learner's function.

    ``Case(A, b)`` calls ``solve(A, b)``. ``driver`` names a function
    (``"module:function"``) run in the learner's process instead of the plain call, as
    ``driver(learner_module, *args, **kwargs)``; it returns plain data (for example, builds an
    expression from the learner's ``Value`` class and returns its gradients).
    """

    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    label: str = ""
    driver: str | None = None

    def __init__(self, *args: Any, label: str = "", driver: str | None = None,
                 **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.label = label
        self.driver = driver

    def describe(self, names: Sequence[str] = ()) -> str:
        """A short description of the input, for failure messages."""
        if self.label:
            return self.label
        parts = []
        for i, arg in enumerate(self.args):
            name = names[i] if i < len(names) else f"arg{i}"
            parts.append(f"{name} = {summarize(arg)}")
        parts += [f"{k} = {summarize(v)}" for k, v in self.kwargs.items()]
        return ", ".join(parts)


@dataclass
class ErrorInfo:
    """An exception raised by the learner's code, with the learner's own frames only."""

    type: str
    message: str
    traceback: str = ""
    lineno: int | None = None
    bases: list[str] = field(default_factory=list)  # the exception's class and its bases

    def is_a(self, exc_class: builtins.type[BaseException]) -> bool:
        return exc_class.__name__ in (self.bases or [self.type])

    def describe(self) -> str:
        text = f"{self.type}: {self.message}".rstrip(": ")
        if self.type == "NotImplementedError":
            return ("not implemented yet: the function still raises NotImplementedError. "
                    "Replace `raise NotImplementedError` with your code.")
        if self.traceback:
            text += "\n" + self.traceback.rstrip()
        return text


@dataclass
class Outcome:
    """What the learner's code did on one case."""

    value: Any = None
    error: ErrorInfo | None = None
    mutated: list[str] = field(default_factory=list)  # names of inputs changed in place
    duration_s: float = 0.0


Comparator = Callable[[Case, Outcome], str | None]


@dataclass
class Check:
    """A named group of cases with one way of judging them."""

    name: str
    cases: list[Case]
    expect: Comparator
    hint: str = ""
    hidden: bool = False
    function: str | None = None  # the learner function to call; default: the exercise's first
    allow_mutation: bool = False


# --------------------------------------------------------------------------------------------
# Descriptions

def summarize(value: Any, max_elements: int = 16) -> str:
    """A compact, readable description of a value (the whole value only when it is small)."""
    if isinstance(value, np.ndarray):
        if value.size <= max_elements:
            body = np.array2string(value, precision=4, separator=", ", suppress_small=True)
            return body.replace("\n", "")
        return f"array of shape {value.shape}, dtype {value.dtype}"
    if isinstance(value, (list, tuple)) and len(value) > max_elements:
        return f"{type(value).__name__} of length {len(value)}"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, Opaque):
        return f"an object of type {value.type_name} ({value.text[:80]})"
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _type_name(value: Any) -> str:
    if isinstance(value, Opaque):
        return value.type_name
    if isinstance(value, np.ndarray):
        return f"numpy array (dtype {value.dtype})"
    return type(value).__name__


def compare_values(expected: Any, received: Any, *, rtol: float = 1e-7, atol: float = 1e-9,
                   hidden: bool = False, what: str = "result") -> str | None:
    """Compare a number or array with the expected one; say precisely what differs.

    Returns ``None`` when ``received`` matches ``expected`` within
    ``|received - expected| <= atol + rtol * |expected|`` element-wise, with the same shape.
    """
    if received is None:
        return f"your function returned None for the {what}: did you forget `return`?"
    exp = np.asarray(expected)
    if isinstance(received, (Opaque, str, dict)) or (
        isinstance(received, (list, tuple)) and exp.ndim == 0
    ):
        return f"the {what} should be a number or an array, but your code returned {_type_name(received)}"
    try:
        rec = np.asarray(received)
    except Exception:  # noqa: BLE001 - ragged lists and similar
        return f"the {what} could not be read as an array ({_type_name(received)})"
    if rec.dtype.kind not in "biufc":
        return f"the {what} should hold numbers, but it has dtype {rec.dtype}"
    if exp.ndim == 0 and rec.ndim != 0:
        return (f"the {what} should be a single number, but your code returned an array of "
                f"shape {rec.shape}")
    if rec.shape != exp.shape:
        if hidden:
            return f"the {what} has the wrong shape: yours is {rec.shape}"
        return f"the {what} has the wrong shape: expected {exp.shape}, received {rec.shape}"
    if exp.dtype.kind in "fc" and rec.dtype.kind in "biu" and not np.allclose(exp, np.round(exp)):
        return (f"the {what} has an integer dtype ({rec.dtype}) but should be floating point: "
                "an integer division (//) or an int array that truncates?")
    rec_nan, exp_nan = np.isnan(rec) if rec.dtype.kind in "fc" else np.zeros(rec.shape, bool), \
        np.isnan(exp) if exp.dtype.kind in "fc" else np.zeros(exp.shape, bool)
    bad_nan = rec_nan & ~exp_nan
    if bad_nan.any():
        where = tuple(int(i) for i in np.argwhere(bad_nan)[0])
        loc = f" at index {where}" if rec.ndim else ""
        return f"the {what} contains NaN{loc} (a 0/0, or a log/sqrt of a negative number?)"
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(rec.astype(complex if "c" in rec.dtype.kind + exp.dtype.kind else float)
                      - exp)
        ok = (diff <= atol + rtol * np.abs(exp)) | (rec_nan & exp_nan) | (rec == exp)
    if ok.all():
        return None
    bad = ~ok & ~np.isnan(diff)
    max_abs = float(diff[bad].max()) if bad.any() else float("nan")
    # A relative error means nothing where the expected value is 0: say the absolute one there.
    nonzero = bad & (np.abs(exp) > 0)
    max_rel = float((diff[nonzero] / np.abs(exp[nonzero])).max()) if nonzero.any() else None
    error = f"max absolute error {max_abs:.2e}" + (
        f", max relative error {max_rel:.2e}" if max_rel is not None else "")
    tolerance = f"(tolerance: rtol={rtol:g}, atol={atol:g})"
    if hidden:
        return (f"the {what} differs from the reference: {int((~ok).sum())} of {ok.size} "
                f"values are off, {error} {tolerance}")
    if exp.ndim == 0:
        rel = f"relative error {max_rel:.2e}" if max_rel is not None else f"absolute error {max_abs:.2e}"
        return (f"the {what} is wrong: expected {exp.item():.10g}, received {rec.item():.10g} "
                f"({rel}) {tolerance}")
    first = tuple(int(i) for i in np.argwhere(~ok)[0])
    return (f"the {what} differs at index {first}: expected {exp[first]:.10g}, received "
            f"{rec[first]:.10g}; {int((~ok).sum())} of {ok.size} values differ, {error} {tolerance}")


# --------------------------------------------------------------------------------------------
# Comparators

def close_to(reference: Callable[..., Any], *, rtol: float = 1e-7, atol: float = 1e-9,
             hidden: bool = False) -> Comparator:
    """Expect the same numbers as ``reference(*case.args, **case.kwargs)``.

    When the reference returns a tuple, the learner must return a tuple of the same length,
    compared element by element.
    """

    def compare(case: Case, outcome: Outcome) -> str | None:
        expected = reference(*case.args, **case.kwargs)
        if isinstance(expected, tuple):
            received = outcome.value
            if not isinstance(received, (tuple, list)) or len(received) != len(expected):
                return (f"expected a tuple of {len(expected)} values, but your code returned "
                        f"{_type_name(received)}")
            for i, (exp, rec) in enumerate(zip(expected, received, strict=True)):
                msg = compare_values(exp, rec, rtol=rtol, atol=atol, hidden=hidden,
                                     what=f"result's item {i}")
                if msg:
                    return msg
            return None
        return compare_values(expected, outcome.value, rtol=rtol, atol=atol, hidden=hidden)

    compare.expects_error = False  # type: ignore[attr-defined]
    return compare


def raises(exc_type: type[BaseException], *, match: str | None = None) -> Comparator:
    """Expect the learner's function to raise ``exc_type`` (or a subclass of it)."""
    def compare(case: Case, outcome: Outcome) -> str | None:
        if outcome.error is None:
            return (f"this input is invalid, so your function should raise {exc_type.__name__}, "
                    f"but it returned {summarize(outcome.value)}")
        if not outcome.error.is_a(exc_type):
            if outcome.error.type == "NotImplementedError":
                return outcome.error.describe()
            return (f"expected {exc_type.__name__}, but your function raised "
                    f"{outcome.error.type}: {outcome.error.message}")
        if match and match not in outcome.error.message:
            return f"the error message should mention {match!r}: {outcome.error.message!r}"
        return None

    compare.expects_error = True  # type: ignore[attr-defined]
    return compare


def satisfies(predicate: Callable[[Case, Any], str | None]) -> Comparator:
    """Expect the returned value to satisfy ``predicate(case, value)`` (``None`` = fine).

    For answers that are right in more than one form (eigenvectors up to sign, for example).
    """

    def compare(case: Case, outcome: Outcome) -> str | None:
        return predicate(case, outcome.value)

    compare.expects_error = False  # type: ignore[attr-defined]
    return compare
