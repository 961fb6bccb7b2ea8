"""Checks for the autodiff exercises: the learner's ``Value`` against PyTorch's autograd.

The drivers in :mod:`groundup.curriculum.checks.autodiff_drivers` build expressions with the
learner's classes in the learner's process and hand back every node's ``data`` and ``grad``.
Here, in the grader, the forward values are recomputed with plain ``math`` and the gradients
with ``torch.autograd`` when PyTorch is installed, and with central finite differences
otherwise. Nothing here uses :mod:`groundup.autodiff`.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.autodiff_drivers"
PROGRAM = f"{DRIVERS}:run_program"

# Tolerances: torch gives exact gradients up to rounding; finite differences are approximate.
TORCH_TOL = {"rtol": 1e-7, "atol": 1e-9}
FD_TOL = {"rtol": 1e-5, "atol": 1e-6}
VALUE_TOL = {"rtol": 1e-9, "atol": 1e-12}


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


# -------------------------------------------------------------------------------------------
# Programs: the grader's own forward pass, and gradients from torch or finite differences

_FLOAT_OPS: dict[str, Callable[..., float]] = {
    "add": lambda a, b: a + b, "mul": lambda a, b: a * b,
    "sub": lambda a, b: a - b, "div": lambda a, b: a / b,
    "radd": lambda c, a: c + a, "rmul": lambda c, a: c * a,
    "rsub": lambda c, a: c - a, "rdiv": lambda c, a: c / a,
    "addc": lambda a, c: a + c, "mulc": lambda a, c: a * c,
    "subc": lambda a, c: a - c, "divc": lambda a, c: a / c,
    "pow": lambda a, p: a ** p, "neg": lambda a: -a,
    "exp": math.exp, "log": math.log, "tanh": math.tanh,
    "relu": lambda a: max(a, 0.0),
    "sigmoid": lambda a: 1 / (1 + math.exp(-a)) if a >= 0 else math.exp(a) / (1 + math.exp(a)),
}
_BINARY = {"add", "mul", "sub", "div", "powv"}  # powv: a Value exponent, must raise
_CONST_LEFT = {"radd", "rmul", "rsub", "rdiv"}
_CONST_RIGHT = {"addc", "mulc", "subc", "divc", "pow"}


def _operands(op: Sequence[Any]) -> list[int]:
    """Indices of the nodes an operation reads."""
    name = op[0]
    if name in _BINARY:
        return [op[1], op[2]]
    if name in _CONST_LEFT:
        return [op[2]]
    return [op[1]]


def _step(op: Sequence[Any], nodes: Sequence[Any], fns: dict[str, Callable[..., Any]]) -> Any:
    name = op[0]
    if name in _BINARY:
        return fns[name](nodes[op[1]], nodes[op[2]])
    if name in _CONST_LEFT:
        return fns[name](op[1], nodes[op[2]])
    if name in _CONST_RIGHT:
        return fns[name](nodes[op[1]], op[2])
    return fns[name](nodes[op[1]])


def forward(inputs: Sequence[float], ops: Sequence[Sequence[Any]],
            bump: tuple[int, float] | None = None) -> list[float]:
    """Every node's value, in plain floats; ``bump=(k, h)`` adds ``h`` to node ``k``."""
    nodes: list[float] = []
    for k in range(len(inputs) + len(ops)):
        value = float(inputs[k]) if k < len(inputs) else \
            float(_step(ops[k - len(inputs)], nodes, _FLOAT_OPS))
        if bump is not None and bump[0] == k:
            value += bump[1]
        nodes.append(value)
    return nodes


def torch_grads(inputs: Sequence[float], ops: Sequence[Sequence[Any]]) -> list[float]:
    """d(last node)/d(node) for every node, with ``torch.autograd`` in float64."""
    import torch

    fns: dict[str, Callable[..., Any]] = {
        **{k: v for k, v in _FLOAT_OPS.items() if k not in {"exp", "log", "tanh", "relu",
                                                              "sigmoid"}},
        "exp": torch.exp, "log": torch.log, "tanh": torch.tanh, "relu": torch.relu,
        "sigmoid": torch.sigmoid,
    }
    nodes = [torch.tensor(float(x), dtype=torch.float64, requires_grad=True) for x in inputs]
    for op in ops:
        node = _step(op, nodes, fns)
        node.retain_grad()
        nodes.append(node)
    nodes[-1].backward()
    return [0.0 if n.grad is None else float(n.grad) for n in nodes]


def fd_grads(inputs: Sequence[float], ops: Sequence[Sequence[Any]]) -> list[float]:
    """d(last node)/d(node) for every node, by central differences (node bumped by +-h)."""
    values = forward(inputs, ops)
    grads = []
    for k, v in enumerate(values):
        h = 1e-6 * max(1.0, abs(v))
        up = forward(inputs, ops, bump=(k, h))[-1]
        down = forward(inputs, ops, bump=(k, -h))[-1]
        grads.append((up - down) / (2 * h))
    return grads


def reference_grads(inputs: Sequence[float], ops: Sequence[Sequence[Any]],
                    use_torch: bool | None = None) -> tuple[list[float], dict[str, float]]:
    """The expected gradients and the tolerance that goes with where they came from."""
    if use_torch is None:
        use_torch = torch_available()
    if use_torch:
        return torch_grads(inputs, ops), TORCH_TOL
    return fd_grads(inputs, ops), FD_TOL


def _node_name(k: int, n_inputs: int) -> str:
    return f"x{k}" if k < n_inputs else f"n{k}"


def expression(op: Sequence[Any], n_inputs: int) -> str:
    """One operation as Python source (``n4 = n2 * x0``), inputs named ``x<i>``."""
    def name(i: int) -> str:
        return _node_name(i, n_inputs)

    symbol = {"add": "+", "mul": "*", "sub": "-", "div": "/", "radd": "+", "rmul": "*",
              "rsub": "-", "rdiv": "/", "addc": "+", "mulc": "*", "subc": "-", "divc": "/",
              "pow": "**", "powv": "**"}
    kind = op[0]
    if kind in _BINARY:
        return f"{name(op[1])} {symbol[kind]} {name(op[2])}"
    if kind in _CONST_LEFT:
        return f"{op[1]!r} {symbol[kind]} {name(op[2])}"
    if kind in _CONST_RIGHT:
        return f"{name(op[1])} {symbol[kind]} {op[2]!r}"
    if kind == "neg":
        return f"-{name(op[1])}"
    return f"{name(op[1])}.{kind}()"


def describe_program(inputs: Sequence[float], ops: Sequence[Sequence[Any]]) -> str:
    """``x0 = 2.0, x1 = -3.0; n2 = x0 * x1; n3 = n2 + x0; then n3.backward()``."""
    n = len(inputs)
    parts = [", ".join(f"x{i} = {x!r}" for i, x in enumerate(inputs))]
    parts += [f"n{n + j} = {expression(op, n)}" for j, op in enumerate(ops)]
    last = _node_name(n + len(ops) - 1, n)
    return "; ".join(parts) + f"; then {last}.backward()"


def _program_predicate(hidden: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        inputs, ops = case.args
        n, total = len(inputs), len(inputs) + len(ops)
        if not isinstance(value, dict) or len(value.get("values", [])) != total:
            return "the driver did not get one value per node back (this should not happen)"
        expected_values = forward(inputs, ops)
        for k in range(total):
            where = _node_name(k, n) if k < n else \
                f"{_node_name(k, n)} = {expression(ops[k - n], n)}"
            msg = compare_values(expected_values[k], value["values"][k], hidden=hidden,
                                 what=f"forward value of {where}", **VALUE_TOL)
            if msg:
                return msg
        expected_grads, tol = reference_grads(inputs, ops)
        # From the output backwards: the first wrong gradient points at the op at fault.
        for k in reversed(range(total)):
            msg = compare_values(expected_grads[k], value["grads"][k], hidden=hidden,
                                 what=f"gradient {_node_name(k, n)}.grad", **tol)
            if msg:
                users = [f"n{n + j} = {expression(op, n)}" for j, op in enumerate(ops)
                         if k in _operands(op)]
                if k == total - 1:
                    return msg + " (the output's own gradient: backward() seeds it with 1.0)"
                if users and not hidden:
                    msg += ("; it is the sum of what these operations' _backward passed to "
                            f"{_node_name(k, n)}: " + ", ".join(users))
                return msg
        return None

    return check


def program_check(name: str, programs: list[tuple[list[float], list[list[Any]]]], hint: str,
                  hidden: bool = False, labels: list[str] | None = None) -> Check:
    """One check running each ``(inputs, ops)`` with the learner's Value."""
    cases = []
    for i, (inputs, ops) in enumerate(programs):
        label = labels[i] if labels else describe_program(inputs, ops)
        cases.append(Case(inputs, ops, label=label, driver=PROGRAM))
    return Check(name, cases, expect=satisfies(_program_predicate(hidden)), hint=hint,
                 hidden=hidden)


def raise_check(name: str, programs: list[tuple[list[float], list[list[Any]]]],
                error: type[BaseException], hint: str) -> Check:
    cases = [Case(inputs, ops, label=describe_program(inputs, ops), driver=PROGRAM)
             for inputs, ops in programs]
    return Check(name, cases, expect=raises(error), hint=hint)


# -------------------------------------------------------------------------------------------
# Random expression graphs

ARITH = ["add", "mul", "radd", "rmul", "addc", "mulc"]
MORE = ["sub", "div", "rsub", "rdiv", "subc", "divc", "pow", "neg"]
EXPLOG = ["exp", "log"]
ACTIVATIONS = ["tanh", "relu", "sigmoid"]


def _candidate(rng: np.random.Generator, kind: str, size: int) -> list[Any]:
    # Prefer recent nodes (deep graphs) but reuse older ones too (shared subexpressions).
    def pick() -> int:
        return int(size - 1 - min(rng.geometric(0.3) - 1, size - 1))

    const = float(rng.choice([-2.0, -0.5, 0.5, 1.5, 2.0, 3.0]))
    if kind in _BINARY:
        return [kind, pick(), pick()]
    if kind in _CONST_LEFT:
        return [kind, const, pick()]
    if kind == "pow":
        return [kind, pick(), float(rng.choice([2, 3, -1, 0.5, -0.5, 1.5, -2]))]
    if kind in _CONST_RIGHT:
        return [kind, pick(), const]
    return [kind, pick()]


def _safe(op: list[Any], values: list[float]) -> bool:
    """Keep the graph away from poles, kinks and overflow, where gradients are unreliable."""
    args = [values[i] for i in _operands(op)]
    kind, a = op[0], args[-1] if op[0] in _CONST_LEFT else args[0]
    if kind in {"div", "rdiv"} and abs(args[-1]) < 0.3:
        return False
    if kind == "pow":
        p = op[2]
        if (not float(p).is_integer() and a < 0.1) or (p < 0 and abs(a) < 0.3) or abs(a) > 8:
            return False
    if kind in {"sub", "div"} and op[1] == op[2]:
        return False  # x - x and x / x are constants: tested on their own, not in random graphs
    if (kind == "log" and a < 0.05) or (kind == "exp" and abs(a) > 4):
        return False
    if kind in {"tanh", "sigmoid"} and abs(a) > 3:
        return False  # saturated: the gradient would vanish
    if kind == "relu" and abs(a) < 1e-3:
        return False
    try:
        out = _step(op, values, _FLOAT_OPS)
    except (ArithmeticError, ValueError):
        return False
    return isinstance(out, float) and math.isfinite(out) and abs(out) < 100


def random_program(seed: int, n_inputs: int, n_ops: int, kinds: Sequence[str],
                   must_use: Sequence[str] = ()) -> tuple[list[float], list[list[Any]]]:
    """A seeded random expression graph using the operations ``kinds``.

    ``must_use``: at least one of these operations is placed first, so that the graph always
    exercises the exercise's own methods.
    """
    rng = np.random.default_rng(seed)
    inputs = [round(float(v), 3) for v in rng.uniform(-2.0, 2.0, size=n_inputs)]
    inputs = [v if abs(v) > 0.2 else v + 0.5 for v in inputs]
    ops: list[list[Any]] = []
    values = list(inputs)
    while len(ops) < n_ops:
        pool = list(must_use) if not ops and must_use else list(kinds)
        for _ in range(200):
            op = _candidate(rng, str(rng.choice(pool)), len(values))
            if _safe(op, values):
                break
        else:
            op = ["addc", len(values) - 1, 1.0]
        ops.append(op)
        values.append(float(_step(op, values, _FLOAT_OPS)))
    # Add every node nobody uses into the output, so that the whole graph feeds the output.
    used = {i for op in ops for i in _operands(op)}
    for k in range(len(values) - 1):
        if k not in used:
            ops.append(["add", len(values) - 1, k])
            values.append(values[-1] + values[k])
    return inputs, ops


def random_programs(seeds: Sequence[int], n_inputs: int, n_ops: int, kinds: Sequence[str],
                    must_use: Sequence[str] = ()) -> list[tuple[list[float], list[list[Any]]]]:
    return [random_program(s, n_inputs, n_ops, kinds, must_use) for s in seeds]


def _random_labels(programs: list[tuple[list[float], list[list[Any]]]]) -> list[str]:
    return [describe_program(inputs, ops) if len(ops) <= 8 else
            f"a random graph of {len(ops)} operations: " + describe_program(inputs, ops)
            for inputs, ops in programs]


# -------------------------------------------------------------------------------------------
# The exercises


def add_mul() -> list[Check]:
    return [
        program_check("a + b", [([2.0, -3.0], [["add", 0, 1]]), ([0.5, 4.0], [["add", 1, 0]])],
                      hint="Forward: out.data = self.data + other.data. Backward: an addition "
                           "passes out.grad on unchanged to both inputs."),
        program_check("a * b", [([2.0, -3.0], [["mul", 0, 1]]), ([-1.5, 0.25], [["mul", 1, 0]])],
                      hint="Backward of out = a * b: a.grad += b.data * out.grad and "
                           "b.grad += a.data * out.grad (each gets the *other* value)."),
        program_check("plain numbers on either side",
                      [([1.5], [["addc", 0, 2.0]]), ([1.5], [["radd", 2.0, 0]]),
                       ([-0.5], [["mulc", 0, 3.0]]), ([-0.5], [["rmul", 3.0, 0]])],
                      hint="Wrap a plain number first: `other = other if isinstance(other, "
                           "Value) else Value(other)`; 2 + x calls x.__radd__(2)."),
        program_check("a * b + c", [([2.0, -3.0, 10.0], [["mul", 0, 1], ["add", 3, 2]])],
                      hint="The chain rule: the gradient that reaches a * b is the one that "
                           "came out of the addition."),
        program_check("a value used twice: x * x and x + x",
                      [([3.0], [["mul", 0, 0]]), ([3.0], [["add", 0, 0]]),
                       ([-2.0, 5.0], [["mul", 0, 1], ["add", 2, 0]])],
                      hint="When self and other are the same Value, both lines of _backward "
                           "update it: use `+=`, never `=`, so the two contributions add up."),
        program_check("a node reached along two paths",
                      [([2.0, -1.0], [["mul", 0, 1], ["add", 2, 0], ["mul", 3, 2]])],
                      hint="n2 is used by n3 and by n4: its gradient is the sum of both uses. "
                           "Accumulate with `+=`."),
        program_check("random expression graphs",
                      random_programs([1, 2, 3], 3, 6, ARITH), hint="Compare the failing node's "
                      "forward value and local derivative with the rules of + and *."),
        program_check("large random graphs", random_programs([11, 12, 13], 4, 30, ARITH),
                      hint="Every _backward must add to (+=) the gradients of its inputs.",
                      hidden=True, labels=["hidden"] * 3),
    ]


def more_ops() -> list[Check]:
    return [
        program_check("a - b", [([2.0, -3.0], [["sub", 0, 1]]), ([1.5], [["subc", 0, 4.0]]),
                                ([1.5], [["rsub", 4.0, 0]])],
                      hint="d(a - b)/da = 1 and d(a - b)/db = -1. 4 - x calls x.__rsub__(4)."),
        program_check("-a", [([2.5], [["neg", 0]]), ([-2.0], [["neg", 0], ["mul", 1, 0]])],
                      hint="d(-a)/da = -1."),
        program_check("a / b", [([3.0, -2.0], [["div", 0, 1]]), ([1.5], [["divc", 0, 4.0]]),
                                ([0.5], [["rdiv", 1.0, 0]])],
                      hint="d(a/b)/da = 1/b and d(a/b)/db = -a/b**2. 1 / x calls "
                           "x.__rtruediv__(1)."),
        program_check("x ** n for whole n", [([3.0], [["pow", 0, 2]]), ([-1.5], [["pow", 0, 3]]),
                                             ([2.0], [["pow", 0, 0]])],
                      hint="d(x**n)/dx = n * x**(n - 1)."),
        program_check("negative and fractional exponents",
                      [([2.0], [["pow", 0, -1]]), ([4.0], [["pow", 0, 0.5]]),
                       ([2.5], [["pow", 0, -1.5]]), ([-2.0], [["pow", 0, -2]])],
                      hint="The same rule n * x**(n - 1) holds for any constant n: 1/x has "
                           "derivative -1/x**2, sqrt(x) has 0.5/sqrt(x)."),
        raise_check("** with a Value exponent", [([2.0, 3.0], [["powv", 0, 1]])], TypeError,
                    hint="Only int or float exponents are supported: check "
                         "isinstance(exponent, (int, float)) and raise TypeError otherwise."),
        program_check("a value used twice", [([3.0], [["sub", 0, 0]]), ([3.0], [["div", 0, 0]]),
                                             ([1.5, 2.0], [["div", 0, 1], ["sub", 2, 1]])],
                      hint="x - x and x / x have gradient 0: both contributions must add up "
                           "(+=)."),
        program_check("random expression graphs",
                      random_programs([21, 22, 23], 3, 8, ARITH + MORE, must_use=MORE),
                      hint="Find the failing node's operation and check its local derivative."),
        program_check("large random graphs",
                      random_programs([31, 32, 33], 4, 30, ARITH + MORE, must_use=MORE),
                      hint="Check each local derivative of -, /, ** and unary minus.",
                      hidden=True, labels=["hidden"] * 3),
    ]


def exp_log() -> list[Check]:
    return [
        program_check("exp", [([0.0], [["exp", 0]]), ([1.5], [["exp", 0]]),
                              ([-2.0], [["exp", 0]])],
                      hint="d(e^x)/dx = e^x: the output's own value, out.data."),
        program_check("log", [([1.0], [["log", 0]]), ([2.5], [["log", 0]]),
                              ([0.1], [["log", 0]])],
                      hint="d(ln x)/dx = 1/x, with x the *input* (self.data)."),
        program_check("log(exp(x)) is x", [([0.7], [["exp", 0], ["log", 1]])],
                      hint="The chain rule: (1/e^x) * e^x = 1."),
        program_check("in a product: log(x * y) and exp(x) * exp(x)",
                      [([2.0, 3.0], [["mul", 0, 1], ["log", 2]]),
                       ([0.5], [["exp", 0], ["mul", 1, 1]])],
                      hint="Multiply the local derivative by out.grad, and accumulate with +=."),
        raise_check("log of zero or a negative number",
                    [([0.0], [["log", 0]]), ([-1.0], [["log", 0]])], ValueError,
                    hint="Check `if self.data <= 0: raise ValueError(...)` before math.log."),
        program_check("random expression graphs",
                      random_programs([41, 42, 43], 3, 8, ARITH + EXPLOG, must_use=EXPLOG),
                      hint="Find the failing node's operation and check its local derivative."),
        program_check("large random graphs",
                      random_programs([51, 52, 53], 3, 25, ARITH + EXPLOG, must_use=EXPLOG),
                      hint="exp: out.data * out.grad; log: out.grad / self.data.",
                      hidden=True, labels=["hidden"] * 3),
    ]


def activations() -> list[Check]:
    return [
        program_check("tanh", [([0.0], [["tanh", 0]]), ([0.8], [["tanh", 0]]),
                               ([-2.0], [["tanh", 0]])],
                      hint="d tanh(x)/dx = 1 - tanh(x)**2: use the output t, not the input x."),
        program_check("relu", [([1.5], [["relu", 0]]), ([-1.5], [["relu", 0]])],
                      hint="relu(x) = max(0, x); its derivative is 1 where x > 0 and 0 "
                           "elsewhere."),
        program_check("sigmoid", [([0.0], [["sigmoid", 0]]), ([1.2], [["sigmoid", 0]]),
                                  ([-3.0], [["sigmoid", 0]])],
                      hint="d sigma(x)/dx = sigma(x) * (1 - sigma(x))."),
        program_check("a neuron: tanh(w * x + b)",
                      [([0.5, -1.5, 0.3], [["mul", 0, 1], ["add", 3, 2], ["tanh", 4]]),
                       ([0.5, -1.5, 0.3], [["mul", 0, 1], ["add", 3, 2], ["relu", 4]]),
                       ([0.5, 1.5, 0.3], [["mul", 0, 1], ["add", 3, 2], ["sigmoid", 4]])],
                      hint="Multiply the local derivative by out.grad before adding it to "
                           "self.grad."),
        program_check("large inputs do not overflow",
                      [([800.0], [["sigmoid", 0]]), ([-800.0], [["sigmoid", 0]]),
                       ([-800.0], [["tanh", 0]]), ([30.0], [["tanh", 0]])],
                      hint="math.exp(800) overflows. Use math.tanh, and for x < 0 write the "
                           "sigmoid as exp(x) / (1 + exp(x))."),
        program_check("random expression graphs",
                      random_programs([61, 62, 63], 3, 8, ARITH + ACTIVATIONS,
                                      must_use=ACTIVATIONS),
                      hint="Find the failing node's activation and check its local derivative."),
        program_check("large random graphs",
                      random_programs([71, 72, 73], 4, 30, ARITH + ACTIVATIONS,
                                      must_use=ACTIVATIONS),
                      hint="tanh: (1 - t**2); relu: 1 if x > 0 else 0; sigmoid: s * (1 - s).",
                      hidden=True, labels=["hidden"] * 3),
    ]


def backward() -> list[Check]:
    every = ARITH + MORE + EXPLOG + ACTIVATIONS
    chain = [["tanh", 0]] + [["tanh", k] for k in range(1, 150)]
    return [
        program_check("a single operation", [([2.0, -3.0], [["mul", 0, 1]])],
                      hint="Seed self.grad = 1.0, then call _backward of every node."),
        program_check("a chain: ((x * y) + z).tanh()",
                      [([0.5, -1.0, 0.2], [["mul", 0, 1], ["add", 3, 2], ["tanh", 4]])],
                      hint="Walk the nodes from the output back to the inputs: reverse "
                           "topological order."),
        program_check("a node reached along two paths (diamond)",
                      [([0.7], [["tanh", 0], ["mulc", 1, 2.0], ["exp", 1], ["add", 2, 3]]),
                       ([2.0, -1.0], [["mul", 0, 1], ["add", 2, 0], ["mul", 3, 2]])],
                      hint="A node's _backward may run only after *every* node that uses it: "
                           "that is what the topological order guarantees. Visit each node "
                           "once."),
        program_check("random expression graphs", random_programs([81, 82, 83, 84], 3, 10, every),
                      hint="Build the topological order with a visited set, then call "
                           "_backward in reversed order."),
        program_check("deep and wide graphs",
                      [([0.3], chain), *random_programs([91, 92], 5, 60, every)],
                      hint="Each node must appear once in the order, after all of its inputs.",
                      hidden=True, labels=["hidden"] * 3),
    ]


# -------------------------------------------------------------------------------------------
# Neurons and MLPs: the grader's own network in torch (or NumPy + finite differences)


def _net_outputs(params: Any, n_inputs: int, sizes: Sequence[int], nonlins: Sequence[bool],
                 X: Sequence[Sequence[float]], tanh: Callable[[Any], Any]) -> list[list[Any]]:
    """Outputs of a fully connected net whose flat parameters are ordered layer by layer,
    neuron by neuron, weights then bias (works on a NumPy array or a torch tensor)."""
    outs = []
    for x in X:
        h: list[Any] = list(x)
        k = 0
        for size, nonlin in zip(sizes, nonlins, strict=True):
            new = []
            for _ in range(size):
                act = params[k + len(h)]
                for i, hi in enumerate(h):
                    act = act + params[k + i] * hi
                k += len(h) + 1
                new.append(tanh(act) if nonlin else act)
            h = new
        outs.append(h)
    return outs


def _net_loss(params: Any, n_inputs: int, sizes: Sequence[int], nonlins: Sequence[bool],
              X: Sequence[Sequence[float]], y: Sequence[Sequence[float]] | None,
              tanh: Callable[[Any], Any]) -> Any:
    """Mean over samples of the squared error; without targets, the sum of all outputs."""
    outs = _net_outputs(params, n_inputs, sizes, nonlins, X, tanh)
    total: Any = 0.0
    for i, out in enumerate(outs):
        for j, o in enumerate(out):
            total = total + (o if y is None else (o - y[i][j]) ** 2)
    return total if y is None else total / len(X)


def net_value_and_grad(params: Sequence[float], n_inputs: int, sizes: Sequence[int],
                       nonlins: Sequence[bool], X: Sequence[Sequence[float]],
                       y: Sequence[Sequence[float]] | None,
                       use_torch: bool | None = None) -> tuple[float, np.ndarray, dict[str, float]]:
    """The loss, its gradient w.r.t. the flat parameters, and the matching tolerance."""
    if use_torch is None:
        use_torch = torch_available()
    if use_torch:
        import torch

        p = torch.tensor(list(params), dtype=torch.float64, requires_grad=True)
        loss = _net_loss(p, n_inputs, sizes, nonlins, X, y, torch.tanh)
        loss.backward()
        assert p.grad is not None
        return float(loss.detach()), p.grad.numpy().copy(), TORCH_TOL
    p0 = np.array(params, dtype=float)

    def f(q: np.ndarray) -> float:
        return float(_net_loss(q, n_inputs, sizes, nonlins, X, y, np.tanh))

    grad = np.empty_like(p0)
    for k in range(p0.size):
        h = 1e-6 * max(1.0, abs(p0[k]))
        up, down = p0.copy(), p0.copy()
        up[k] += h
        down[k] -= h
        grad[k] = (f(up) - f(down)) / (2 * h)
    return f(p0), grad, FD_TOL


def _field(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _count_message(value: Any, expected: int, what: str) -> str | None:
    n_params = _field(value, "n_params")
    if n_params != expected:
        return (f"{what}.parameters() returned {n_params} parameters, expected {expected} "
                "(every weight, then the bias, for each neuron)")
    return None


def _neuron_predicate(hidden: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        n_inputs, nonlin, params, x = case.args
        msg = _count_message(value, n_inputs + 1, "Neuron")
        if msg:
            return msg
        expected_out = _net_outputs(np.array(params), n_inputs, [1], [nonlin], [x], np.tanh)
        msg = compare_values(float(expected_out[0][0]), _field(value, "out"), hidden=hidden,
                             what="neuron's output", **VALUE_TOL)
        if msg:
            return msg
        _, grad, tol = net_value_and_grad(params, n_inputs, [1], [nonlin], [x], None)
        return compare_values(grad, np.asarray(_field(value, "grads")), hidden=hidden,
                              what="gradient of the output w.r.t. [w_1, ..., w_n, b]", **tol)

    return check


def _init_predicate(case: Case, value: Any) -> str | None:
    n_inputs, seeds = case.args
    if not isinstance(value, list) or len(value) != len(seeds):
        return "expected the parameters of one neuron per seed"
    arr = [np.asarray(v, dtype=float) for v in value]
    for a in arr:
        if a.shape != (n_inputs + 1,):
            return (f"Neuron({n_inputs}).parameters() returned {a.size} parameters, expected "
                    f"{n_inputs + 1} (the weights, then the bias)")
        if np.any(np.abs(a[:-1]) > 1) or len(set(a[:-1].tolist())) < n_inputs:
            return f"the weights should be distinct random numbers in [-1, 1], got {a[:-1]}"
    if not np.array_equal(arr[0], arr[1]):
        return "the same seed gave different weights: draw them from np.random.default_rng(seed)"
    if np.array_equal(arr[0], arr[2]):
        return "different seeds gave the same weights: use the seed argument"
    return None


def neuron() -> list[Check]:
    rng = np.random.default_rng(100)

    def case(n_inputs: int, nonlin: bool, label: bool = True) -> Case:
        params = [round(float(v), 3) for v in rng.uniform(-1, 1, size=n_inputs + 1)]
        x = [round(float(v), 3) for v in rng.uniform(-2, 2, size=n_inputs)]
        text = (f"Neuron({n_inputs}, nonlin={nonlin}) with parameters [w..., b] = {params}, "
                f"x = {x}, then out.backward()") if label else "hidden"
        return Case(n_inputs, nonlin, params, x, label=text,
                    driver=f"{DRIVERS}:neuron_forward")

    return [
        Check("random initial weights",
              [Case(4, [0, 0, 1], label="Neuron(4, seed=0), Neuron(4, seed=0), "
                                         "Neuron(4, seed=1)", driver=f"{DRIVERS}:neuron_init")],
              expect=satisfies(_init_predicate),
              hint="self.w = [Value(rng.uniform(-1, 1)) for _ in range(n_inputs)] with "
                   "rng = np.random.default_rng(seed); self.b = Value(0.0)."),
        Check("tanh neuron: output and gradients", [case(1, True), case(3, True)],
              expect=satisfies(_neuron_predicate(False)),
              hint="out = tanh(w . x + b); build it from Values so backward() reaches every "
                   "w_i and b; parameters() returns w_1 ... w_n, then b."),
        Check("linear neuron (nonlin=False)", [case(3, False)],
              expect=satisfies(_neuron_predicate(False)),
              hint="With nonlin=False return w . x + b without the tanh."),
        Check("input of the wrong length",
              [Case(3, [1.0, 2.0], label="Neuron(3)([1.0, 2.0])",
                    driver=f"{DRIVERS}:neuron_call")],
              expect=raises(ValueError),
              hint="zip() silently stops at the shorter list: compare len(x) with the number "
                   "of weights first."),
        Check("larger neurons", [case(8, True, False), case(5, False, False)],
              expect=satisfies(_neuron_predicate(True)), hidden=True,
              hint="Every weight meets its own input: sum w_i * x_i over all i, plus b."),
    ]


def _layer_predicate(hidden: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        n_inputs, n_outputs, nonlin, params, x = case.args
        msg = _count_message(value, n_outputs * (n_inputs + 1), "Layer")
        if msg:
            return msg
        expected = _net_outputs(np.array(params), n_inputs, [n_outputs], [nonlin], [x],
                                np.tanh)[0]
        outs = _field(value, "outs")
        if not isinstance(outs, list) or len(outs) != n_outputs:
            return f"the layer should return a list of {n_outputs} Values (one per neuron)"
        msg = compare_values(np.array(expected, dtype=float), np.array(outs), hidden=hidden,
                             what="layer's outputs", **VALUE_TOL)
        if msg:
            return msg
        _, grad, tol = net_value_and_grad(params, n_inputs, [n_outputs], [nonlin], [x], None)
        return compare_values(grad, np.asarray(_field(value, "grads")), hidden=hidden,
                              what="gradient of sum(outputs) w.r.t. the parameters", **tol)

    return check


def _mlp_predicate(hidden: bool) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        n_inputs, sizes, params, X, y, lr, num_steps = case.args
        dims = [n_inputs, *sizes]
        n_params = sum(dims[i + 1] * (dims[i] + 1) for i in range(len(sizes)))
        msg = _count_message(value, n_params, "MLP")
        if msg:
            return msg
        nonlins = [i != len(sizes) - 1 for i in range(len(sizes))]
        p = np.array(params, dtype=float)
        for step in range(num_steps):
            loss, grad, tol = net_value_and_grad(p.tolist(), n_inputs, sizes, nonlins, X, y)
            losses = _field(value, "losses")
            if not isinstance(losses, list) or len(losses) != num_steps:
                return "the training loop did not run (this should not happen)"
            msg = compare_values(loss, losses[step], hidden=hidden,
                                 what=f"loss at step {step}", **tol)
            if msg:
                return msg + (" (is the last layer linear, the others tanh?)" if step == 0
                              else "")
            if step == 0:
                msg = compare_values(grad, np.asarray(_field(value, "grads")), hidden=hidden,
                                     what="gradient of the loss w.r.t. the parameters", **tol)
                if msg:
                    return msg
            p = p - lr * grad
        return compare_values(p, np.asarray(_field(value, "params")), hidden=hidden,
                              what="parameters after training", rtol=1e-5, atol=1e-6)

    return check


def mlp() -> list[Check]:
    rng = np.random.default_rng(200)

    def layer_case(n_inputs: int, n_outputs: int, nonlin: bool) -> Case:
        params = [round(float(v), 3) for v in rng.uniform(-1, 1, n_outputs * (n_inputs + 1))]
        x = [round(float(v), 3) for v in rng.uniform(-2, 2, size=n_inputs)]
        return Case(n_inputs, n_outputs, nonlin, params, x,
                    label=f"Layer({n_inputs}, {n_outputs}, nonlin={nonlin}) with parameters "
                          f"{params}, x = {x}, then sum(outputs).backward()",
                    driver=f"{DRIVERS}:layer_forward")

    def mlp_case(n_inputs: int, sizes: list[int], X: list[list[float]],
                 y: list[list[float]], num_steps: int, hidden: bool = False) -> Case:
        dims = [n_inputs, *sizes]
        n_params = sum(dims[i + 1] * (dims[i] + 1) for i in range(len(sizes)))
        params = [round(float(v), 3) for v in rng.uniform(-1, 1, n_params)]
        label = "hidden" if hidden else (
            f"MLP({n_inputs}, {sizes}) with given parameters, X = {X}, y = {y}: "
            f"{num_steps} step(s) of gradient descent on the mean squared error")
        return Case(n_inputs, sizes, params, X, y, 0.05, num_steps, label=label,
                    driver=f"{DRIVERS}:mlp_train")

    X4 = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
    y4 = [[1.0], [-1.0], [-1.0], [1.0]]
    Xr = [[round(float(v), 3) for v in row] for row in rng.uniform(-1, 1, (6, 2))]
    yr = [[round(float(v), 3) for v in row] for row in rng.uniform(-1, 1, (6, 2))]
    return [
        Check("a layer of tanh neurons", [layer_case(3, 2, True), layer_case(2, 4, True)],
              expect=satisfies(_layer_predicate(False)),
              hint="A layer is a list of neurons that all read the same x; __call__ returns "
                   "[neuron(x) for neuron in self.neurons]; parameters() joins theirs in order."),
        Check("a linear layer", [layer_case(3, 1, False)],
              expect=satisfies(_layer_predicate(False)),
              hint="Pass nonlin on to every Neuron."),
        Check("an MLP, one training step", [mlp_case(3, [4, 4, 1], X4, y4, 1)],
              expect=satisfies(_mlp_predicate(False)),
              hint="Layers of sizes n_inputs -> sizes[0] -> ... ; every layer tanh except the "
                   "last, which is linear; return the single Value when the last layer has "
                   "one neuron."),
        Check("an MLP with two outputs, three training steps",
              [mlp_case(2, [3, 2], Xr, yr, 3)], expect=satisfies(_mlp_predicate(False)),
              hint="With several outputs, __call__ returns the list of output Values."),
        Check("deeper MLPs", [mlp_case(3, [5, 4, 3, 1], X4, y4, 2, hidden=True),
                              mlp_case(2, [1], Xr[:3], [[0.5], [-0.5], [1.0]], 2, hidden=True)],
              expect=satisfies(_mlp_predicate(True)), hidden=True,
              hint="parameters(): layer after layer, neuron after neuron, weights then bias."),
    ]
