r"""Layers with parameters, as ``torch.nn``: :class:`Module`, :class:`Sequential`,
:class:`Linear` and the activation, :class:`Flatten` and :class:`Dropout` layers.

A :class:`Module` finds its parameters by itself: assigning a :class:`Parameter` or another
Module to an attribute registers it under that name, so that :meth:`Module.named_parameters`
and :meth:`Module.state_dict` produce PyTorch's keys (``"0.weight"``, ``"0.bias"``, ...) and a
PyTorch ``state_dict`` (converted to NumPy) loads directly.

Examples
--------
>>> model = Sequential(Linear(2, 8, rng=0), Tanh(), Linear(8, 1, rng=1))
>>> [name for name, _ in model.named_parameters()]
['0.weight', '0.bias', '2.weight', '2.bias']
>>> model(Tensor([[0.5, -1.0]])).shape
(1, 1)
"""

from __future__ import annotations

import math
import numbers
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from groundup.nn import functional as F  # noqa: N812  (the PyTorch convention)
from groundup.nn.tensor import Tensor

__all__ = ["GELU", "Dropout", "Flatten", "Linear", "Module", "Parameter", "ReLU", "Sequential",
           "Sigmoid", "Tanh"]


class Parameter(Tensor):
    """A Tensor that a :class:`Module` registers as one of its parameters (``requires_grad``
    is True by default)."""

    def __init__(self, data: Any, requires_grad: bool = True, dtype: Any = None) -> None:
        super().__init__(data, requires_grad=requires_grad, dtype=dtype)

    def __repr__(self) -> str:
        return "Parameter containing:\n" + super().__repr__()


class Module:
    """Base class of every layer and model.

    Subclasses set their parameters and sub-modules as attributes in ``__init__`` (after
    ``super().__init__()``) and define :meth:`forward`; calling the module calls ``forward``.

    Attributes
    ----------
    training : bool
        True after :meth:`train` (the default), False after :meth:`eval`; :class:`Dropout`
        reads it.
    """

    training: bool

    def __init__(self) -> None:
        object.__setattr__(self, "_parameters", OrderedDict())
        object.__setattr__(self, "_modules", OrderedDict())
        object.__setattr__(self, "_buffer_names", [])
        object.__setattr__(self, "training", True)

    def register_buffer(self, name: str, value: np.ndarray | None) -> None:
        """Keep an array that is state but not a parameter (BatchNorm's running mean): saved in
        :meth:`state_dict` after the module's parameters, never trained. As PyTorch's."""
        if name not in self.__dict__["_buffer_names"]:
            self.__dict__["_buffer_names"].append(name)
        setattr(self, name, value)
    def __setattr__(self, name: str, value: Any) -> None:
        if "_parameters" not in self.__dict__:
            raise AttributeError("call super().__init__() before assigning attributes")
        params: dict[str, Parameter | None] = self.__dict__["_parameters"]
        modules: dict[str, Module] = self.__dict__["_modules"]
        params.pop(name, None)
        modules.pop(name, None)
        if isinstance(value, Parameter):
            params[name] = value
        elif isinstance(value, Module):
            modules[name] = value
        elif value is None and name in ("bias",):
            params[name] = None  # an optional parameter that is absent, as PyTorch
        object.__setattr__(self, name, value)

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        """The computation; subclasses define it."""
        raise NotImplementedError(f"{type(self).__name__} does not define forward()")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.forward(*args, **kwargs)

    # parameters and sub-modules, in registration order

    def named_modules(self, prefix: str = "") -> Iterator[tuple[str, Module]]:
        """``(name, module)`` for this module and every module inside it (``""`` for self)."""
        yield prefix, self
        for name, m in self.__dict__["_modules"].items():
            yield from m.named_modules(f"{prefix}.{name}" if prefix else name)

    def modules(self) -> Iterator[Module]:
        """This module and every module inside it."""
        for _, m in self.named_modules():
            yield m

    def children(self) -> Iterator[Module]:
        """The direct sub-modules."""
        yield from self.__dict__["_modules"].values()

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Parameter]]:
        """``(name, parameter)`` with PyTorch's dotted names, e.g. ``"0.weight"``; a parameter
        shared by two modules is listed once."""
        seen: set[int] = set()
        for mod_name, m in self.named_modules(prefix):
            for name, p in m.__dict__["_parameters"].items():
                if p is None or id(p) in seen:
                    continue
                seen.add(id(p))
                yield (f"{mod_name}.{name}" if mod_name else name), p

    def parameters(self) -> Iterator[Parameter]:
        """Every parameter, in the order of :meth:`named_parameters`."""
        for _, p in self.named_parameters():
            yield p

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Forget every parameter's gradient."""
        for p in self.parameters():
            p.zero_grad(set_to_none)

    def train(self, mode: bool = True) -> Module:
        """Training mode (``mode=True``) or evaluation mode, for this module and those inside;
        returns ``self``."""
        for m in self.modules():
            object.__setattr__(m, "training", bool(mode))
        return self

    def eval(self) -> Module:
        """Evaluation mode: ``train(False)``."""
        return self.train(False)

    # saving and loading

    def named_buffers(self, prefix: str = "") -> Iterator[tuple[str, np.ndarray]]:
        """``(name, array)`` for every buffer (see :meth:`register_buffer`), dotted names."""
        for mod_name, m in self.named_modules(prefix):
            for name in m.__dict__["_buffer_names"]:
                value = getattr(m, name)
                if value is not None:
                    yield (f"{mod_name}.{name}" if mod_name else name), value

    def _state_items(self) -> Iterator[tuple[str, Any, Module, str, bool]]:
        """``(key, array or Parameter, owner, attribute, is_buffer)`` in PyTorch's order: each
        module's parameters, then its buffers, then its sub-modules'."""
        seen: set[int] = set()
        for mod_name, m in self.named_modules():
            def key(name: str, mod_name: str = mod_name) -> str:
                return f"{mod_name}.{name}" if mod_name else name
            for name, p in m.__dict__["_parameters"].items():
                if p is None or id(p) in seen:
                    continue
                seen.add(id(p))
                yield key(name), p, m, name, False
            for name in m.__dict__["_buffer_names"]:
                value = getattr(m, name)
                if value is not None:
                    yield key(name), value, m, name, True

    def state_dict(self) -> OrderedDict[str, np.ndarray]:
        """``{name: copy of the values}`` for every parameter and buffer, with PyTorch's keys
        and order."""
        return OrderedDict((k, (v if buffer else v.data).copy())
                           for k, v, _, _, buffer in self._state_items())

    def load_state_dict(self, state_dict: Mapping[str, Any], strict: bool = True) -> None:
        """Copy values into the parameters, keeping each parameter's dtype.

        Values may be NumPy arrays or anything ``np.asarray`` accepts (a PyTorch
        ``state_dict``'s tensors, for one).

        Raises
        ------
        ValueError
            If a key is missing or unexpected (with ``strict``), or a shape differs.
        """
        items = {k: (v, owner, attr, buffer) for k, v, owner, attr, buffer in self._state_items()}
        if strict:
            missing = [k for k in items if k not in state_dict]
            unexpected = [k for k in state_dict if k not in items]
            if missing or unexpected:
                raise ValueError(f"load_state_dict: missing keys {missing}, unexpected keys "
                                 f"{unexpected}")
        for name, value in state_dict.items():
            if name not in items:
                continue
            arr, target = np.asarray(value), items[name][0]
            if arr.shape != target.shape:
                what = "buffer" if items[name][3] else "parameter"
                raise ValueError(f"load_state_dict: {name!r} has shape {arr.shape}, the "
                                 f"{what} has shape {target.shape}")
        for name, value in state_dict.items():
            if name not in items:
                continue
            target, owner, attr, buffer = items[name]
            if buffer:
                object.__setattr__(owner, attr, np.array(value, dtype=target.dtype))
            else:
                target.data = np.array(value, dtype=target.dtype)

    def extra_repr(self) -> str:
        """The arguments shown inside the parentheses of ``repr``."""
        return ""

    def __repr__(self) -> str:
        children = self.__dict__["_modules"]
        if not children:
            return f"{type(self).__name__}({self.extra_repr()})"
        lines = [f"  ({name}): " + repr(m).replace("\n", "\n  ") for name, m in children.items()]
        return f"{type(self).__name__}(\n" + "\n".join(lines) + "\n)"


def _check_size(n: object, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {type(n).__name__}")
    if n < 1:
        raise ValueError(f"{name} must be at least 1, got {n}")
    return int(n)


class Linear(Module):
    r"""An affine layer :math:`y = x W^\top + b`, PyTorch's layout and initialisation.

    Parameters
    ----------
    in_features, out_features : int
    bias : bool, default True
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None

    Attributes
    ----------
    weight : Parameter, shape (out_features, in_features)
    bias : Parameter, shape (out_features,), or None

    Notes
    -----
    PyTorch draws both from :math:`U(-k, k)`, :math:`k = 1/\sqrt{\text{in\_features}}`
    (``kaiming_uniform_`` with :math:`a = \sqrt 5` works out to that bound for the weight).
    The numbers differ from PyTorch's (another generator); the distribution is the same.
    """

    in_features: int
    out_features: int
    weight: Parameter
    bias: Parameter | None

    def __init__(self, in_features: int, out_features: int, bias: bool = True,
                 dtype: Any = np.float32, rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        self.in_features = _check_size(in_features, "in_features")
        self.out_features = _check_size(out_features, "out_features")
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        k = 1.0 / math.sqrt(self.in_features)
        self.weight = Parameter(gen.uniform(-k, k, size=(self.out_features, self.in_features)),
                                dtype=dtype)
        self.bias = Parameter(gen.uniform(-k, k, size=self.out_features), dtype=dtype) \
            if bias else None

    def forward(self, x: Tensor) -> Tensor:
        """``x`` of shape ``(..., in_features)`` to ``(..., out_features)``."""
        return F.linear(x, self.weight, self.bias)

    def extra_repr(self) -> str:
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"bias={self.bias is not None}")


class Sequential(Module):
    """Modules applied one after the other; registered as ``"0"``, ``"1"``, ... as PyTorch.

    Examples
    --------
    >>> net = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
    >>> len(net), type(net[1]).__name__
    (3, 'ReLU')
    """

    def __init__(self, *modules: Module) -> None:
        super().__init__()
        for i, m in enumerate(modules):
            if not isinstance(m, Module):
                raise TypeError(f"Sequential takes Modules, argument {i} is "
                                f"{type(m).__name__}")
            setattr(self, str(i), m)

    def forward(self, x: Any) -> Any:
        for m in self.children():
            x = m(x)
        return x

    def __getitem__(self, i: int) -> Module:
        return list(self.children())[i]

    def __len__(self) -> int:
        return len(self.__dict__["_modules"])

    def __iter__(self) -> Iterator[Module]:
        return self.children()


class ReLU(Module):
    r""":math:`\max(0, x)` element-wise."""

    def forward(self, x: Tensor) -> Tensor:
        return x.relu()


class Sigmoid(Module):
    r""":math:`1 / (1 + e^{-x})` element-wise."""

    def forward(self, x: Tensor) -> Tensor:
        return x.sigmoid()


class Tanh(Module):
    r""":math:`\tanh x` element-wise."""

    def forward(self, x: Tensor) -> Tensor:
        return x.tanh()


class GELU(Module):
    r""":math:`x\,\Phi(x)` element-wise (``approximate="tanh"`` for the tanh form)."""

    def __init__(self, approximate: str = "none") -> None:
        super().__init__()
        if approximate not in ("none", "tanh"):
            raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")
        self.approximate = approximate

    def forward(self, x: Tensor) -> Tensor:
        return x.gelu(self.approximate)

    def extra_repr(self) -> str:
        return f"approximate={self.approximate!r}"


class Flatten(Module):
    """Merge axes ``start_dim..end_dim`` (by default all but the batch axis)."""

    start_dim: int
    end_dim: int

    def __init__(self, start_dim: int = 1, end_dim: int = -1) -> None:
        super().__init__()
        self.start_dim, self.end_dim = start_dim, end_dim

    def forward(self, x: Tensor) -> Tensor:
        return x.flatten(self.start_dim, self.end_dim)  # (N, d1 * d2 * ...)

    def extra_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Dropout(Module):
    """:func:`groundup.nn.functional.dropout` while training; the identity after :meth:`eval`.

    Parameters
    ----------
    p : float in [0, 1]
    rng : numpy Generator, int seed or None
        One generator for the layer's life: each call draws a new mask.
    """

    p: float
    rng: np.random.Generator

    def __init__(self, p: float = 0.5, rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        if isinstance(p, bool) or not isinstance(p, numbers.Real) or not 0.0 <= p <= 1.0:
            raise ValueError(f"dropout probability p must be in [0, 1], got {p!r}")
        self.p = float(p)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    def forward(self, x: Tensor) -> Tensor:
        return F.dropout(x, self.p, self.training, self.rng)

    def extra_repr(self) -> str:
        return f"p={self.p}"
