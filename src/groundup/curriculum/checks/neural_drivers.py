"""Drivers for the neurons-activations and neural-networks exercises (learner's process).

Standard library and NumPy at import time: this module is imported on every check. The engine
drivers import :mod:`groundup.nn` inside the function, for the one exercise that needs it.
Each driver returns plain data (arrays, floats, lists, dicts) that the grader compares with
PyTorch, NumPy or finite differences in its own process
(:mod:`groundup.curriculum.checks.neural`).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np


def strict_call(module: ModuleType, function: str, *args: Any) -> Any:
    """Call the learner's function with NumPy's overflow and invalid-value warnings turned
    into errors: a stable implementation never exponentiates a large positive number."""
    with np.errstate(over="raise", invalid="raise"):
        return getattr(module, function)(*args)


def init_draws(module: ModuleType, function: str, fan_in: int, fan_out: int,
               seed: int) -> list[Any]:
    """``[w(seed), w(seed), w(seed + 1)]``, each drawn with a fresh ``default_rng``."""
    fn = getattr(module, function)
    return [np.asarray(fn(fan_in, fan_out, np.random.default_rng(s)))
            for s in (seed, seed, seed + 1)]


def train_twice(module: ModuleType, X: np.ndarray, y: np.ndarray, n_hidden: int, lr: float,
                num_epochs: int, batch_size: int, seed: int) -> list[Any]:
    """The losses of three runs: ``seed``, ``seed`` again, then ``seed + 1``."""
    runs = []
    for s in (seed, seed, seed + 1):
        out = module.train_mlp(X, y, n_hidden, lr, num_epochs, batch_size, s)
        if not isinstance(out, (tuple, list)) or len(out) != 5:
            raise TypeError("train_mlp must return (W1, b1, W2, b2, losses)")
        runs.append(np.asarray(out[4], dtype=float))
    return runs


# -------------------------------------------------------------------------------------------
# The MLP on groundup.nn


def _build(module: ModuleType, sizes: list[int], state: dict[str, np.ndarray]) -> Any:
    """The learner's ``MLP(*sizes)`` with the given float64 parameters set by name."""
    from groundup.nn import Module

    model = module.MLP(*sizes)
    if not isinstance(model, Module):
        raise TypeError(f"MLP must subclass groundup.nn.Module, got {type(model).__name__}")
    params = dict(model.named_parameters())
    if sorted(params) != sorted(state):
        raise ValueError(f"your MLP's parameters are named {sorted(params)}, expected "
                         f"{sorted(state)}: name the layers fc1 and fc2 (nn.Linear)")
    for name, p in params.items():
        if tuple(p.shape) != tuple(np.shape(state[name])):
            raise ValueError(f"parameter {name} has shape {tuple(p.shape)}, expected "
                             f"{tuple(np.shape(state[name]))} (Linear's weight is (out, in))")
        p.data = np.array(state[name], dtype=np.float64)
    return model


def engine_state(module: ModuleType, sizes: list[int]) -> dict[str, Any]:
    """Whether ``MLP(*sizes)`` is a Module, and its ``state_dict`` keys and shapes in order."""
    from groundup.nn import Module

    model = module.MLP(*sizes)
    state = model.state_dict() if isinstance(model, Module) else {}
    return {"is_module": isinstance(model, Module), "keys": list(state),
            "shapes": [list(np.shape(v)) for v in state.values()]}


def engine_forward(module: ModuleType, sizes: list[int], state: dict[str, np.ndarray],
                   X: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """Logits, mean cross-entropy and every parameter's gradient of the learner's MLP."""
    from groundup.nn import Tensor
    from groundup.nn import functional as F  # noqa: N812

    model = _build(module, sizes, state)
    out = model(Tensor(X))
    if not isinstance(out, Tensor):
        raise TypeError(f"MLP.forward returned {type(out).__name__}, not a Tensor")
    loss = F.cross_entropy(out, y)
    loss.backward()
    grads = {name: (np.zeros(p.shape) if p.grad is None else np.asarray(p.grad, dtype=float))
             for name, p in model.named_parameters()}
    return {"out": np.asarray(out.data, dtype=float), "loss": float(loss.item()),
            "grads": grads}


def engine_train(module: ModuleType, sizes: list[int], state: dict[str, np.ndarray],
                 X: np.ndarray, y: np.ndarray, lr: float, num_epochs: int) -> dict[str, Any]:
    """The learner's ``train(model, X, y, lr, num_epochs)``: its losses, the final weights."""
    model = _build(module, sizes, state)
    losses = module.train(model, X, y, lr, num_epochs)
    if losses is None:
        raise TypeError("train returned None: return the list of losses")
    return {"losses": np.asarray([float(v) for v in losses], dtype=float),
            "params": {name: np.asarray(p.data, dtype=float)
                       for name, p in model.named_parameters()}}
