"""Drivers for the autodiff exercises: they run in the learner's process.

Each driver builds something with the learner's classes (``Value``, ``Neuron``, ``Layer``,
``MLP``), calls ``backward()`` and hands back plain data (floats, lists, dicts). The grader
compares that data with PyTorch or finite differences in its own process
(:mod:`groundup.curriculum.checks.autodiff`). Standard library and NumPy only: this module is
imported on every check.

A *program* is a small list of operations, each a list ``[op, ...]`` whose integer arguments
index the nodes made so far: the inputs are nodes ``0 .. len(inputs) - 1`` and each operation
appends one node. The last node is the output.

======================  ==============  ======================  ==============
operation               meaning         operation               meaning
======================  ==============  ======================  ==============
``["add", i, j]``       ``n[i] + n[j]`` ``["radd", c, i]``      ``c + n[i]``
``["mul", i, j]``       ``n[i] * n[j]`` ``["rmul", c, i]``      ``c * n[i]``
``["sub", i, j]``       ``n[i] - n[j]`` ``["rsub", c, i]``      ``c - n[i]``
``["div", i, j]``       ``n[i] / n[j]`` ``["rdiv", c, i]``      ``c / n[i]``
``["addc", i, c]``      ``n[i] + c``    ``["mulc", i, c]``      ``n[i] * c``
``["subc", i, c]``      ``n[i] - c``    ``["divc", i, c]``      ``n[i] / c``
``["pow", i, p]``       ``n[i] ** p``   ``["neg", i]``          ``-n[i]``
``["exp", i]``          ``n[i].exp()``  ``["log", i]``          ``n[i].log()``
``["tanh", i]``         ``n[i].tanh()`` ``["relu", i]``         ``n[i].relu()``
``["sigmoid", i]``      ``n[i].sigmoid()``
======================  ==============  ======================  ==============
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

BINARY = {
    "add": lambda a, b: a + b, "mul": lambda a, b: a * b,
    "sub": lambda a, b: a - b, "div": lambda a, b: a / b,
    "powv": lambda a, b: a ** b,  # a Value exponent: the learner's code must raise TypeError
}
CONST_LEFT = {
    "radd": lambda c, a: c + a, "rmul": lambda c, a: c * a,
    "rsub": lambda c, a: c - a, "rdiv": lambda c, a: c / a,
}
CONST_RIGHT = {
    "addc": lambda a, c: a + c, "mulc": lambda a, c: a * c,
    "subc": lambda a, c: a - c, "divc": lambda a, c: a / c, "pow": lambda a, p: a ** p,
}
UNARY = {"neg": lambda a: -a}
METHODS = ("exp", "log", "tanh", "relu", "sigmoid")


def _apply(op: list[Any], nodes: list[Any]) -> Any:
    name = op[0]
    if name in BINARY:
        return BINARY[name](nodes[op[1]], nodes[op[2]])
    if name in CONST_LEFT:
        return CONST_LEFT[name](op[1], nodes[op[2]])
    if name in CONST_RIGHT:
        return CONST_RIGHT[name](nodes[op[1]], op[2])
    if name in UNARY:
        return UNARY[name](nodes[op[1]])
    if name in METHODS:
        method = getattr(nodes[op[1]], name, None)
        if method is None:
            raise AttributeError(f"your Value class has no method `{name}()`")
        return method()
    raise ValueError(f"unknown operation {name!r}")  # a bug in the checks, not the learner's


def _expression(op: list[Any]) -> str:
    """The operation as Python source, with nodes named ``n<i>`` (for error messages)."""
    name = op[0]
    symbol = {"add": "+", "mul": "*", "sub": "-", "div": "/", "radd": "+", "rmul": "*",
              "rsub": "-", "rdiv": "/", "addc": "+", "mulc": "*", "subc": "-", "divc": "/",
              "pow": "**", "powv": "**"}
    if name in BINARY:
        return f"n{op[1]} {symbol[name]} n{op[2]}"
    if name in CONST_LEFT:
        return f"{op[1]!r} {symbol[name]} n{op[2]}"
    if name in CONST_RIGHT:
        return f"n{op[1]} {symbol[name]} {op[2]!r}"
    if name == "neg":
        return f"-n{op[1]}"
    return f"n{op[1]}.{name}()"


def run_program(module: ModuleType, inputs: list[float], ops: list[list[Any]]) -> dict[str, Any]:
    """Build the program with the learner's ``Value``, backpropagate from the last node.

    Returns ``{"values": [...], "grads": [...]}``: ``data`` and ``grad`` of every node.
    """
    Value = module.Value
    nodes = [Value(x) for x in inputs]
    for op in ops:
        out = _apply(op, nodes)
        if not isinstance(out, Value):
            raise TypeError(f"`{_expression(op)}` returned {type(out).__name__}, "
                            "not a Value: did you forget `return out`?")
        nodes.append(out)
    nodes[-1].backward()
    return {"values": [float(n.data) for n in nodes], "grads": [float(n.grad) for n in nodes]}


# -------------------------------------------------------------------------------------------
# Neurons, layers, MLPs


def _set_parameters(params: list[Any], values: list[float]) -> None:
    for p, v in zip(params, values, strict=False):
        p.data = float(v)


def neuron_init(module: ModuleType, n_inputs: int, seeds: list[int]) -> list[list[float]]:
    """The initial parameters of ``Neuron(n_inputs, seed=s)`` for each seed."""
    return [[float(p.data) for p in module.Neuron(n_inputs, seed=s).parameters()]
            for s in seeds]


def neuron_forward(module: ModuleType, n_inputs: int, nonlin: bool, params: list[float],
                   x: list[float]) -> dict[str, Any]:
    """Set a neuron's parameters, run it on ``x``, backpropagate from its output."""
    neuron = module.Neuron(n_inputs, nonlin=nonlin, seed=0)
    ps = neuron.parameters()
    _set_parameters(ps, params)
    out = neuron(x)
    if not isinstance(out, module.Value):
        raise TypeError(f"Neuron.__call__ returned {type(out).__name__}, not a Value")
    out.backward()
    return {"n_params": len(ps), "out": float(out.data), "grads": [float(p.grad) for p in ps]}


def neuron_call(module: ModuleType, n_inputs: int, x: list[float]) -> float:
    """Call ``Neuron(n_inputs)`` on ``x`` (for inputs of the wrong length)."""
    return float(module.Neuron(n_inputs, seed=0)(x).data)


def _as_list(out: Any, module: ModuleType, who: str) -> list[Any]:
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    for o in outs:
        if not isinstance(o, module.Value):
            raise TypeError(f"{who} returned {type(o).__name__} where a Value was expected")
    return outs


def layer_forward(module: ModuleType, n_inputs: int, n_outputs: int, nonlin: bool,
                  params: list[float], x: list[float]) -> dict[str, Any]:
    """Set a layer's parameters, run it on ``x``, backpropagate from the sum of its outputs."""
    layer = module.Layer(n_inputs, n_outputs, nonlin=nonlin, seed=0)
    ps = layer.parameters()
    _set_parameters(ps, params)
    outs = layer(x)
    if not isinstance(outs, (list, tuple)):
        raise TypeError(f"Layer.__call__ returned {type(outs).__name__}, not a list of Values")
    outs = _as_list(outs, module, "Layer.__call__")
    total = outs[0]
    for o in outs[1:]:
        total = total + o
    total.backward()
    return {"n_params": len(ps), "outs": [float(o.data) for o in outs],
            "grads": [float(p.grad) for p in ps]}


def mlp_train(module: ModuleType, n_inputs: int, sizes: list[int], params: list[float],
              X: list[list[float]], y: list[list[float]], lr: float,
              num_steps: int) -> dict[str, Any]:
    r"""Gradient descent on :math:`L = \frac{1}{n}\sum_i \|\hat y_i - y_i\|^2` with the
    learner's ``MLP``: returns the loss of every step, the first step's gradients and the
    final parameters."""
    model = module.MLP(n_inputs, sizes, seed=0)
    ps = model.parameters()
    _set_parameters(ps, params)
    losses, first_grads = [], []
    for step in range(num_steps):
        loss = module.Value(0.0)
        for x, target in zip(X, y, strict=True):
            outs = _as_list(model(x), module, "MLP.__call__")
            if len(outs) != len(target):
                raise ValueError(f"the MLP gave {len(outs)} outputs, expected {len(target)}")
            for o, t in zip(outs, target, strict=True):
                loss = loss + (o - t) ** 2
        loss = loss / len(X)
        for p in ps:
            p.grad = 0.0
        loss.backward()
        if step == 0:
            first_grads = [float(p.grad) for p in ps]
        for p in ps:
            p.data -= lr * p.grad
        losses.append(float(loss.data))
    return {"n_params": len(ps), "losses": losses, "grads": first_grads,
            "params": [float(p.data) for p in ps]}
