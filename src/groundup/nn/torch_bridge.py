r"""The bridge to PyTorch: the weights you trained with ``groundup.nn``, in a ``torch.nn``
model, giving the same outputs.

groundup's modules use PyTorch's parameter names (``"0.weight"``, ``"0.bias"``, ...), shapes
and layouts (a Linear weight is ``(out_features, in_features)``), so moving weights across is
a change of array type and nothing else:

=====================================  =========================================================
groundup                               PyTorch
=====================================  =========================================================
``model.state_dict()`` (NumPy arrays)  :func:`to_torch_state_dict` -> ``{name: torch.Tensor}``
``{name: np.ndarray}``                 :func:`from_torch_state_dict` <- ``torch_model.state_dict()``
``gmodel``                             :func:`load_into_torch` (``gmodel, torch_model``)
``gmodel``                             :func:`load_from_torch` (``torch_model, gmodel``)
=====================================  =========================================================

PyTorch is imported only inside these functions; without it they raise an ImportError that
says how to install it. The second half of the module holds the PyTorch code of the
``pytorch`` topic's exercises (the reference solutions): a function and its gradient with
autograd, an MLP as a ``torch.nn`` model, a training step, an epoch over a ``DataLoader``.

Examples
--------
>>> import torch
>>> from groundup.nn import Linear, Sequential, ReLU, Tensor
>>> ours = Sequential(Linear(4, 8, rng=0), ReLU(), Linear(8, 3, rng=1))
>>> theirs = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(),
...                              torch.nn.Linear(8, 3))
>>> _ = load_into_torch(ours, theirs)
>>> x = np.ones((2, 4), dtype=np.float32)
>>> np.allclose(theirs(torch.from_numpy(x)).detach().numpy(),
...             ours(Tensor(x)).data, atol=1e-6)
True
"""

from __future__ import annotations

import numbers
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from groundup.nn.modules import Module
from groundup.nn.tensor import Tensor

__all__ = ["convert_state_dict", "from_torch_state_dict", "load_from_torch", "load_into_torch",
           "mse_and_grad", "to_torch_state_dict", "torch_mlp", "torch_mlp_from_state",
           "torch_outputs", "torch_train_epoch", "torch_training_step"]


def _torch() -> Any:
    try:
        import torch
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("this needs PyTorch, which is not installed: "
                          "pip install 'groundup[torch]' (the CPU build)") from err
    return torch


def _arrays(module_or_state: Module | Mapping[str, Any]) -> OrderedDict[str, np.ndarray]:
    if isinstance(module_or_state, Module):
        return module_or_state.state_dict()
    if not isinstance(module_or_state, Mapping):
        raise TypeError(f"expected a groundup Module or a state dict (a mapping of names to "
                        f"arrays), got {type(module_or_state).__name__}")
    out: OrderedDict[str, np.ndarray] = OrderedDict()
    for key, value in module_or_state.items():
        arr = np.asarray(value.data if isinstance(value, Tensor) else value)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"{key!r} holds {arr.dtype} values, not numbers")
        out[key] = arr
    return out


def to_torch_state_dict(module_or_state: Module | Mapping[str, Any],
                        dtype: Any = None) -> OrderedDict[str, Any]:
    """A groundup module's weights (or a ``{name: array}`` dict) as ``{name: torch.Tensor}``.

    Parameters
    ----------
    module_or_state : Module or mapping of str to array-like
    dtype : torch.dtype, optional
        Cast floating tensors to it; by default every array keeps its dtype (float32 stays
        ``torch.float32``).

    Returns
    -------
    OrderedDict[str, torch.Tensor]
        Same keys, same order; each tensor owns a copy of the values.
    """
    torch = _torch()
    out: OrderedDict[str, Any] = OrderedDict()
    for key, arr in _arrays(module_or_state).items():
        t = torch.from_numpy(np.array(arr, copy=True))
        if dtype is not None and t.is_floating_point():
            t = t.to(dtype)
        out[key] = t
    return out


def from_torch_state_dict(torch_state: Any) -> OrderedDict[str, np.ndarray]:
    """A PyTorch ``state_dict`` (or module) as ``{name: np.ndarray}``, copies, same order.

    The result loads into the groundup module of the same architecture with
    ``load_state_dict``.
    """
    torch = _torch()
    if isinstance(torch_state, torch.nn.Module):
        torch_state = torch_state.state_dict()
    if not isinstance(torch_state, Mapping):
        raise TypeError(f"expected a torch state_dict or module, got {type(torch_state).__name__}")
    return OrderedDict((k, v.detach().cpu().numpy().copy() if isinstance(v, torch.Tensor)
                        else np.array(v)) for k, v in torch_state.items())


def convert_state_dict(state: Mapping[str, Any], model: Any) -> OrderedDict[str, Any]:
    """Convert NumPy arrays to tensors shaped like ``model``'s, check them, load them.

    Every tensor takes the dtype of the model's own entry of the same name (float64 arrays
    become ``torch.float32`` for a float32 model) and owns its values.

    Parameters
    ----------
    state : mapping of str to array-like
        PyTorch's names: ``"0.weight"``, ``"0.bias"``, ...
    model : torch.nn.Module

    Returns
    -------
    OrderedDict[str, torch.Tensor]
        In the model's key order; ``model`` now holds these values.

    Raises
    ------
    ValueError
        If a parameter is missing, a key is unknown to the model, or a shape differs
        (missing buffers, such as a BatchNorm's running statistics, keep their values).
    """
    torch = _torch()
    target = model.state_dict()
    params = {name for name, _ in model.named_parameters()}
    missing = [k for k in target if k not in state and k in params]
    unexpected = [k for k in state if k not in target]
    if missing or unexpected:
        raise ValueError(f"the state dict does not fit the model: missing keys {missing}, "
                         f"unexpected keys {unexpected}")
    out: OrderedDict[str, Any] = OrderedDict()
    for key, ref in target.items():
        if key not in state:
            continue
        value = state[key]
        arr = value.detach().cpu().numpy() if isinstance(value, torch.Tensor) else \
            np.asarray(value.data if isinstance(value, Tensor) else value)
        if tuple(arr.shape) != tuple(ref.shape):
            raise ValueError(f"{key!r} has shape {tuple(arr.shape)}, the model's has "
                             f"{tuple(ref.shape)}")
        out[key] = torch.tensor(arr, dtype=ref.dtype)  # a copy, in the model's dtype
    model.load_state_dict(out, strict=False)
    return out


def load_into_torch(groundup_module: Module | Mapping[str, Any], torch_module: Any) -> Any:
    """Copy a groundup module's weights into the PyTorch module of the same architecture.

    Returns
    -------
    torch.nn.Module
        ``torch_module``, now computing what ``groundup_module`` computes.

    Raises
    ------
    ValueError
        If the names or shapes differ (see :func:`convert_state_dict`).
    """
    convert_state_dict(_arrays(groundup_module), torch_module)
    return torch_module


def load_from_torch(torch_module: Any, groundup_module: Module) -> Module:
    """Copy a PyTorch module's parameters into the groundup module of the same architecture
    (each parameter keeps its groundup dtype); returns ``groundup_module``."""
    params = {name for name, _ in groundup_module.named_parameters()}
    state = {k: v for k, v in from_torch_state_dict(torch_module).items() if k in params}
    groundup_module.load_state_dict(state)
    return groundup_module


# ---------------------------------------------------------------------------------------------
# The pytorch topic's exercises, solved with PyTorch

def _sizes(sizes: Sequence[int]) -> list[int]:
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes needs at least an input and an output size, got {sizes}")
    for s in sizes:
        if isinstance(s, bool) or not isinstance(s, numbers.Integral) or s < 1:
            raise ValueError(f"every layer size must be a positive int, got {sizes}")
    return [int(s) for s in sizes]


def torch_mlp(sizes: Sequence[int]) -> Any:
    r"""A ``torch.nn`` MLP: Linear layers of the given sizes with ReLU between them.

    ``sizes = [d_0, d_1, ..., d_L]`` gives :math:`L` layers,
    :math:`h_{l} = \operatorname{ReLU}(h_{l-1} W_l^\top + b_l)` with no ReLU after the last
    one (it outputs logits). Its parameters, in order, are ``W_1, b_1, ..., W_L, b_L`` with
    :math:`W_l` of shape ``(d_l, d_{l-1})``; the names are those of
    ``groundup.nn.Sequential(Linear, ReLU, ..., Linear)``: ``"0.weight"``, ``"2.weight"``, ...

    Raises
    ------
    ValueError
        If ``sizes`` has fewer than two entries or one is not a positive int.
    """
    torch = _torch()
    dims = _sizes(sizes)
    layers: list[Any] = []
    for i, (d_in, d_out) in enumerate(zip(dims[:-1], dims[1:], strict=True)):
        layers.append(torch.nn.Linear(d_in, d_out))
        if i < len(dims) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def _linear_layers(state: Mapping[str, Any]) -> list[tuple[np.ndarray, np.ndarray]]:
    """``[(W, b), ...]`` from the keys ``"0.weight"``, ``"0.bias"``, ``"2.weight"``, ..."""
    n_layers = len(state) // 2
    expected = [f"{2 * i}.{p}" for i in range(n_layers) for p in ("weight", "bias")]
    if n_layers == 0 or sorted(state) != sorted(expected):
        raise ValueError(f"expected the keys of Sequential(Linear, ReLU, ..., Linear): "
                         f"{expected or ['0.weight', '0.bias']}, got {list(state)}")
    layers: list[tuple[np.ndarray, np.ndarray]] = []
    for i in range(n_layers):
        W = np.asarray(state[f"{2 * i}.weight"], dtype=np.float32)
        b = np.asarray(state[f"{2 * i}.bias"], dtype=np.float32)
        if W.ndim != 2 or b.shape != (W.shape[0],):
            raise ValueError(f"layer {2 * i}: weight {W.shape} and bias {b.shape} do not make "
                             "a Linear layer (weight (out, in), bias (out,))")
        if layers and W.shape[1] != layers[-1][0].shape[0]:
            raise ValueError(f"layer {2 * i} takes {W.shape[1]} inputs but the layer before "
                             f"gives {layers[-1][0].shape[0]}")
        layers.append((W, b))
    return layers


def torch_mlp_from_state(state: Mapping[str, Any]) -> Any:
    """The ``torch.nn.Sequential`` MLP that a groundup ``Sequential(Linear, ReLU, ...,
    Linear)`` state dict describes, with those weights loaded (float32).

    Raises
    ------
    ValueError
        If the keys are not ``"0.weight", "0.bias", "2.weight", ...`` or the shapes do not
        chain.
    """
    layers = _linear_layers(state)
    sizes = [layers[0][0].shape[1]] + [W.shape[0] for W, _ in layers]
    model = torch_mlp(sizes)
    convert_state_dict({f"{2 * i}.{n}": a for i, (W, b) in enumerate(layers)
                        for n, a in (("weight", W), ("bias", b))}, model)
    return model


def torch_outputs(state: Mapping[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    """The outputs of the PyTorch MLP holding a groundup MLP's weights, as NumPy float32.

    Parameters
    ----------
    state : mapping of str to np.ndarray
        A groundup ``Sequential(Linear, ReLU, ..., Linear)`` state dict.
    X : np.ndarray, shape (n_samples, in_features)

    Returns
    -------
    np.ndarray, shape (n_samples, out_features), float32

    Raises
    ------
    ValueError
        For a state dict that is not such an MLP, or ``X`` of the wrong shape.
    """
    torch = _torch()
    model = torch_mlp_from_state(state)
    X = np.asarray(X, dtype=np.float32)
    in_features = model[0].in_features
    if X.ndim != 2 or X.shape[1] != in_features:
        raise ValueError(f"X must have shape (n_samples, {in_features}), got {X.shape}")
    model.eval()
    with torch.no_grad():
        return model(torch.from_numpy(X)).numpy()


def mse_and_grad(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, np.ndarray]:
    r"""The mean squared error of a linear model and its gradient, with ``torch.autograd``.

    .. math:: L(w) = \frac1n \lVert X w - y \rVert^2, \qquad
              \nabla_w L = \frac2n X^\top (X w - y)

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    w : np.ndarray, shape (d,)

    Returns
    -------
    (float, np.ndarray of shape (d,))
        In float64.

    Raises
    ------
    ValueError
        If the shapes do not fit.
    """
    torch = _torch()
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError(f"expected X (n, d), y (n,) and w (d,), got {X.shape}, {y.shape} and "
                         f"{w.shape}")
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    wt = torch.tensor(w, requires_grad=True)  # a leaf: autograd fills wt.grad
    loss = ((Xt @ wt - yt) ** 2).mean()
    loss.backward()
    return loss.item(), wt.grad.numpy()


def torch_training_step(model: Any, optimizer: Any, loss_fn: Any, X: Any, y: Any) -> float:
    """One step of gradient descent with PyTorch; returns the loss before the step.

    ``optimizer.zero_grad()``, forward, loss, ``loss.backward()``, ``optimizer.step()``.

    Returns
    -------
    float
        ``loss.item()``.

    Raises
    ------
    ValueError
        If ``X`` and ``y`` hold different numbers of examples.
    """
    if len(X) != len(y):
        raise ValueError(f"X and y must hold the same number of examples, got {len(X)} and "
                         f"{len(y)}")
    optimizer.zero_grad()        # gradients accumulate in p.grad unless cleared
    y_hat = model(X)
    loss = loss_fn(y_hat, y)
    loss.backward()
    optimizer.step()
    return float(loss.item())


def torch_train_epoch(model: Any, loader: Iterable[Any], loss_fn: Any, optimizer: Any) -> float:
    r"""One epoch over a ``torch.utils.data.DataLoader``: a training step per batch.

    Returns the mean loss per *example* over the epoch, each batch's loss weighted by its
    size (the last batch may be smaller):
    :math:`\bar L = \sum_b |B_b|\, L_b \,/\, \sum_b |B_b|`.

    Raises
    ------
    ValueError
        If the loader gives no batches.
    """
    model.train()
    total, n = 0.0, 0
    for X, y in loader:
        loss = torch_training_step(model, optimizer, loss_fn, X, y)
        total += loss * len(X)
        n += len(X)
    if n == 0:
        raise ValueError("the loader gave no batches")
    return total / n
