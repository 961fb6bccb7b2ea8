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
    if isinstance(value, np.generic) and value.dtype.kind in "biufcM":
        value = value.item()  # np.int64(4) reads as 4
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


# --------------------------------------------------------------------------------------------
# pandas and Matplotlib results

def _frame_kind(value: Any) -> str | None:
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return "DataFrame"
    if isinstance(value, pd.Series):
        return "Series"
    return None


def _values_differ(exp: Any, rec: Any, rtol: float, atol: float) -> Any:
    """A boolean array: where two Series' values differ (NaN equals NaN)."""
    import pandas as pd

    e_na, r_na = np.asarray(pd.isna(exp)), np.asarray(pd.isna(rec))
    both = ~e_na & ~r_na
    differ = e_na != r_na
    if pd.api.types.is_numeric_dtype(exp.dtype) and pd.api.types.is_numeric_dtype(rec.dtype) \
            and not pd.api.types.is_bool_dtype(exp.dtype):
        e = np.asarray(exp.to_numpy(dtype=float, na_value=np.nan), dtype=float)
        r = np.asarray(rec.to_numpy(dtype=float, na_value=np.nan), dtype=float)
        with np.errstate(invalid="ignore"):
            differ |= both & ~(np.abs(e - r) <= atol + rtol * np.abs(e))
    else:
        e, r = np.asarray(exp, dtype=object), np.asarray(rec, dtype=object)
        differ |= both & np.array([bool(ok) and not _same_label(a, b)
                                   for a, b, ok in zip(e, r, both, strict=True)], dtype=bool)
    return differ


def _plain_label(label: Any) -> Any:
    """np.int64(12) -> 12, so that messages read like the learner's data."""
    if isinstance(label, tuple):
        return tuple(_plain_label(x) for x in label)
    return label.item() if isinstance(label, np.generic) else label


def _same_label(a: Any, b: Any) -> bool:
    import pandas as pd

    if isinstance(a, tuple) or isinstance(b, tuple):
        return isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) and all(
            _same_label(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b) or bool(pd.isna(a) and pd.isna(b))
    except (TypeError, ValueError):
        return False


def compare_frames(expected: Any, received: Any, *, check_dtype: bool = True,
                   check_index: bool = True, check_column_order: bool = True,
                   rtol: float = 1e-7, atol: float = 1e-9, hidden: bool = False,
                   what: str = "result") -> str | None:
    """Compare a pandas DataFrame or Series; say which column, row or dtype differs.

    Ends with :func:`pandas.testing.assert_frame_equal` (or ``assert_series_equal``), so that
    nothing it checks is missed; the messages before it are the readable ones.
    """
    import pandas.testing as pdt

    kind = _frame_kind(expected)
    if received is None:
        return f"your function returned None for the {what}: did you forget `return`?"
    if _frame_kind(received) != kind:
        return f"the {what} should be a pandas {kind}, but your code returned {_type_name(received)}"
    if kind == "Series":
        if expected.name != received.name and check_index:
            return f"the {what} Series should be named {expected.name!r}, not {received.name!r}"
        expected, received = expected.to_frame("values"), received.to_frame("values")
    if expected.shape != received.shape:
        missing = [c for c in expected.columns if c not in received.columns]
        extra = [c for c in received.columns if c not in expected.columns]
        detail = ""
        if missing:
            detail += f"; missing column(s) {missing}"
        if extra:
            detail += f"; unexpected column(s) {extra}"
        if not hidden or missing or extra:
            rows = f"expected {expected.shape}, received {received.shape}" if not hidden \
                else f"yours is {received.shape}"
            return f"the {what} has the wrong shape: {rows}{detail}"
        return f"the {what} has the wrong shape: yours is {received.shape}"
    missing = [c for c in expected.columns if c not in received.columns]
    if missing:
        extra = [c for c in received.columns if c not in expected.columns]
        return f"the {what} is missing column(s) {missing} (it has {extra} instead)"
    if check_column_order and list(expected.columns) != list(received.columns):
        return (f"the {what}'s columns are in the wrong order: expected {list(expected.columns)}, "
                f"received {list(received.columns)}")
    received = received[list(expected.columns)].copy()
    if check_index and not expected.index.equals(received.index):
        diff = [i for i, (a, b) in enumerate(zip(expected.index, received.index, strict=True))
                if not _same_label(a, b)]
        where = f" first at position {diff[0]}" if diff else ""
        if hidden or not diff:
            return f"the {what}'s index (row labels) differs from the reference{where}"
        i = diff[0]
        return (f"the {what}'s index (row labels) differs{where}: expected "
                f"{_plain_label(expected.index[i])!r}, received {_plain_label(received.index[i])!r}")
    if not check_index:
        expected = expected.reset_index(drop=True)
        received = received.reset_index(drop=True)
    column_name = "the Series" if kind == "Series" else "column {!r}"
    for col in expected.columns:
        label = column_name.format(col)
        e, r = expected[col], received[col]
        if (isinstance(e.dtype, np.dtype) and isinstance(r.dtype, np.dtype) and e.dtype.kind == "M"
                and r.dtype.kind == "M" and e.dtype != r.dtype):
            r = r.astype(e.dtype)  # datetime64[us] vs [ns]: the same dates in another unit
            received[col] = r
        if check_dtype and e.dtype != r.dtype:
            return f"{label} has dtype {r.dtype}, but it should be {e.dtype}"
        differ = _values_differ(e, r, rtol, atol)
        if differ.any():
            pos = int(np.argmax(differ))
            row = _plain_label(expected.index[pos])
            count = f"{int(differ.sum())} of {len(differ)} rows differ"
            if hidden:
                return f"{label} differs from the reference: {count} (first at row {row!r})"
            return (f"{label} differs at row {row!r}: expected {summarize(e.iloc[pos])}, received "
                    f"{summarize(r.iloc[pos])}; {count}")
    try:
        pdt.assert_frame_equal(expected, received, check_dtype=check_dtype, check_index_type=False,
                               check_column_type=False, check_names=check_index, rtol=rtol, atol=atol,
                               check_exact=False)
    except AssertionError as exc:
        text = " ".join(str(exc).split())
        return f"the {what} differs from the reference: {text[:400]}"
    return None


def _compare_item(exp: Any, rec: Any, what: str, options: dict[str, Any]) -> str | None:
    """One item of a result: a frame, a dict of items, a string, or numbers."""
    if _frame_kind(exp) is not None:
        return compare_frames(exp, rec, what=what, **options)
    if isinstance(exp, dict):
        if not isinstance(rec, dict):
            return f"the {what} should be a dict, but your code returned {_type_name(rec)}"
        if set(exp) != set(rec):
            missing, extra = sorted(set(exp) - set(rec), key=str), sorted(set(rec) - set(exp), key=str)
            return (f"the {what} has the wrong keys: missing {missing}" if missing else
                    f"the {what} has unexpected keys {extra}")
        for key in exp:
            msg = _compare_item(exp[key], rec[key], f"{what}[{key!r}]", options)
            if msg:
                return msg
        return None
    if isinstance(exp, str):
        if rec != exp:
            shown = "" if options["hidden"] else f": expected {exp!r}"
            return f"the {what} is {summarize(rec)}{shown}"
        return None
    return compare_values(exp, rec, rtol=options["rtol"], atol=options["atol"],
                          hidden=options["hidden"], what=what)


def frame_equal(reference: Callable[..., Any], *, check_dtype: bool = True, check_index: bool = True,
                check_column_order: bool = True, rtol: float = 1e-7, atol: float = 1e-9,
                hidden: bool = False) -> Comparator:
    """Expect the same DataFrame (or Series) as ``reference(*case.args, **case.kwargs)``:
    same columns, index, dtypes and values (floats within ``rtol``/``atol``). When the
    reference returns a tuple, the learner's tuple is compared item by item (DataFrames with
    this function, anything else with :func:`compare_values`)."""

    def compare(case: Case, outcome: Outcome) -> str | None:
        expected = reference(*case.args, **case.kwargs)
        pairs = [(expected, outcome.value, "result")]
        if isinstance(expected, tuple):
            received = outcome.value
            if not isinstance(received, (tuple, list)) or len(received) != len(expected):
                return (f"expected a tuple of {len(expected)} values, but your code returned "
                        f"{_type_name(received)}")
            pairs = [(e, r, f"result's item {i}")
                     for i, (e, r) in enumerate(zip(expected, received, strict=True))]
        options = dict(check_dtype=check_dtype, check_index=check_index,
                       check_column_order=check_column_order, rtol=rtol, atol=atol, hidden=hidden)
        for exp, rec, what in pairs:
            msg = _compare_item(exp, rec, what, options)
            if msg:
                return msg
        return None

    compare.expects_error = False  # type: ignore[attr-defined]
    return compare


def figure_check(predicate: Callable[[Case, Any], str | None]) -> Comparator:
    """Expect a Matplotlib figure that draws, and that satisfies ``predicate(case, info)``.

    ``info`` is a :class:`~groundup.grading.wire.FigureInfo`: what the figure draws, as data
    (axes, titles, labels, lines, patches, collections, legend, colour bars).
    """
    from groundup.grading.wire import FigureInfo

    def compare(case: Case, outcome: Outcome) -> str | None:
        value = outcome.value
        if value is None:
            return ("your function returned None: return the figure (`fig, ax = plt.subplots()` "
                    "... `return fig`)")
        if not isinstance(value, FigureInfo):
            name = _type_name(value)
            if "Axes" in name:
                return f"your function returned an {name}; return its figure instead (`ax.figure`)"
            return f"your function should return a Matplotlib Figure, but it returned {name}"
        if not value.rendered:
            return f"the figure fails to draw: {value.render_error}"
        return predicate(case, value)

    compare.expects_error = False  # type: ignore[attr-defined]
    return compare
