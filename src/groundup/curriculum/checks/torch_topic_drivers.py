"""Drivers for the pytorch exercises: they run in the learner's process.

The learner's code is PyTorch code that takes and returns PyTorch objects (modules,
optimisers, loaders, tensors), which cannot travel to the grader. Each driver builds those
objects from plain NumPy inputs, calls the learner's code, and hands back plain data: arrays,
numbers, strings. The grader (:mod:`groundup.curriculum.checks.torch_topic`) compares them
with NumPy formulas in its own process.

Standard library and NumPy at the top; PyTorch is imported inside each driver (the learner's
process of these exercises has it: the learner's own file imports it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

import numpy as np


def _type_name(value: Any) -> str:
    return f"{type(value).__module__}.{type(value).__qualname__}"


def _numpy(t: Any) -> np.ndarray:
    return np.array(t.detach().cpu().numpy(), copy=True)


def _mlp(torch: Any, sizes: Sequence[int], dtype: Any) -> Any:
    layers: list[Any] = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers).to(dtype)


def mlp_forward(module: ModuleType, sizes: list[int], weights: list[np.ndarray],
                X: np.ndarray) -> dict[str, Any]:
    """Build the learner's ``MLP(sizes)``, copy ``weights`` into its parameters in order, run
    it on ``X``; return the parameter shapes and the output."""
    import torch

    model = module.MLP(sizes)
    if not isinstance(model, torch.nn.Module):
        raise TypeError(f"MLP(sizes) should be a torch.nn.Module, got {_type_name(model)}")
    params = list(model.parameters())
    shapes = [list(p.shape) for p in params]
    result: dict[str, Any] = {"shapes": shapes, "output": None}
    if shapes == [list(np.shape(w)) for w in weights]:
        with torch.no_grad():
            for p, w in zip(params, weights, strict=True):
                p.copy_(torch.from_numpy(np.asarray(w)))
            out = model(torch.from_numpy(np.asarray(X, dtype=np.float32)))
        if not isinstance(out, torch.Tensor):
            raise TypeError(f"forward should return a torch.Tensor, got {_type_name(out)}")
        result["output"] = _numpy(out)
    return result


def mlp_build(module: ModuleType, sizes: Any) -> str:
    """Only build ``MLP(sizes)`` (for the sizes that must raise ValueError)."""
    return type(module.MLP(sizes)).__name__


def convert_and_load(module: ModuleType, state: Mapping[str, np.ndarray], sizes: list[int],
                     dtype: str, X: np.ndarray) -> dict[str, Any]:
    """Build a torch MLP of the given sizes and dtype, call the learner's
    ``convert_state_dict(state, model)``, and report what it returned and what the model now
    holds and computes."""
    import torch

    torch.manual_seed(0)
    model = _mlp(torch, sizes, getattr(torch, dtype))
    converted = module.convert_state_dict(state, model)
    if not isinstance(converted, Mapping):
        return {"returned": _type_name(converted)}
    values = {str(k): v for k, v in converted.items()}
    not_tensors = {k: _type_name(v) for k, v in values.items() if not isinstance(v, torch.Tensor)}
    if not_tensors:
        return {"returned": "dict", "not_tensors": not_tensors}
    with torch.no_grad():
        out = model(torch.from_numpy(np.asarray(X)).to(getattr(torch, dtype)))
    return {
        "returned": "dict",
        "keys": list(values),
        "dtypes": {k: str(v.dtype) for k, v in values.items()},
        "values": {k: _numpy(v) for k, v in values.items()},
        "loaded": {k: _numpy(v) for k, v in model.state_dict().items()},
        "output": _numpy(out),
    }


def training_steps(module: ModuleType, weights: list[np.ndarray], X: np.ndarray,
                   y: np.ndarray, lr: float, n_steps: int) -> dict[str, Any]:
    """A float64 ``Linear -> Tanh -> Linear`` model with the given weights, ``SGD(lr)`` and
    ``MSELoss``: call the learner's ``training_step`` ``n_steps`` times; return each returned
    loss and the parameters after each step."""
    import torch

    W1, _, W2, _ = weights
    model = torch.nn.Sequential(torch.nn.Linear(W1.shape[1], W1.shape[0]), torch.nn.Tanh(),
                                torch.nn.Linear(W2.shape[1], W2.shape[0])).double()
    with torch.no_grad():
        for p, w in zip(model.parameters(), weights, strict=True):
            p.copy_(torch.from_numpy(np.asarray(w, dtype=np.float64)))
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    Xt, yt = torch.from_numpy(np.asarray(X)), torch.from_numpy(np.asarray(y))
    losses: list[Any] = []
    params: list[list[np.ndarray]] = []
    for _ in range(n_steps):
        loss = module.training_step(model, opt, torch.nn.MSELoss(), Xt, yt)
        losses.append(loss if isinstance(loss, (int, float)) else _type_name(loss))
        params.append([_numpy(p) for p in model.parameters()])
    return {"losses": losses, "params": params}


def epochs_over_loader(module: ModuleType, W: np.ndarray, b: np.ndarray, X: np.ndarray,
                       y: np.ndarray, batch_size: int, lr: float, n_epochs: int
                       ) -> dict[str, Any]:
    """A float64 ``Linear`` model with weights ``W, b``, ``SGD(lr)``, ``MSELoss`` and a
    ``DataLoader(TensorDataset(X, y), batch_size)`` in order: call the learner's
    ``train_epoch`` ``n_epochs`` times; return what each call returned and the weights."""
    import torch

    model = torch.nn.Linear(W.shape[1], W.shape[0]).double()
    with torch.no_grad():
        model.weight.copy_(torch.from_numpy(np.asarray(W, dtype=np.float64)))
        model.bias.copy_(torch.from_numpy(np.asarray(b, dtype=np.float64)))
    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(torch.from_numpy(np.asarray(X)),
                                       torch.from_numpy(np.asarray(y))),
        batch_size=batch_size, shuffle=False)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    losses: list[Any] = []
    for _ in range(n_epochs):
        loss = module.train_epoch(model, loader, torch.nn.MSELoss(), opt)
        losses.append(loss if isinstance(loss, (int, float)) else _type_name(loss))
    return {"losses": losses, "weight": _numpy(model.weight), "bias": _numpy(model.bias)}
