r"""LoRA from scratch: adapt a trained model by learning only a low-rank change of its weights.

Fine-tuning every weight of a big model costs a copy of the model per task. LoRA (Hu et al.,
2021) freezes the pretrained weight :math:`W \in \mathbb R^{d_\text{out} \times d_\text{in}}`
and learns a change of rank :math:`r \ll \min(d_\text{in}, d_\text{out})`:

.. math:: y = x W^\top + b + \frac{\alpha}{r}\, x A^\top B^\top, \qquad
          A \in \mathbb R^{r \times d_\text{in}}, \quad B \in \mathbb R^{d_\text{out} \times r}

:math:`A` starts random and :math:`B` at zero, so the adapted model starts *exactly* as the
pretrained one; only :math:`r (d_\text{in} + d_\text{out})` numbers per layer are trained
instead of :math:`d_\text{in} d_\text{out}`. After training the change can be *merged*,
:math:`W' = W + \frac{\alpha}{r} B A`: the same outputs, no extra cost at inference.

Examples
--------
>>> from groundup.nn import Linear, Tensor
>>> layer = LoRALinear(Linear(8, 4, rng=0), r=2, alpha=4, rng=1)
>>> [name for name, p in layer.named_parameters() if p.requires_grad]
['lora_A', 'lora_B']
>>> lora_parameter_count(8, 4, 2)
24
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

import numpy as np

from groundup.nn.modules import Linear, Module, Parameter
from groundup.nn.tensor import Tensor

__all__ = ["LoRALinear", "apply_lora", "count_parameters", "lora_forward",
           "lora_parameter_count", "lora_parameters", "merge"]


def _rank(r: object) -> int:
    if isinstance(r, bool) or not isinstance(r, numbers.Integral) or r < 1:
        raise ValueError(f"the rank r must be a positive int, got {r!r}")
    return int(r)


def _alpha(alpha: object) -> float:
    if isinstance(alpha, bool) or not isinstance(alpha, numbers.Real) or not float(alpha) > 0:
        raise ValueError(f"alpha must be a positive number, got {alpha!r}")
    return float(alpha)


def lora_forward(x: Any, W: Any, b: Any, A: Any, B: Any, alpha: float) -> np.ndarray:
    r"""A LoRA-adapted linear layer in NumPy: :math:`x W^\top + b + \frac{\alpha}{r} (x
    A^\top) B^\top`.

    Parameters
    ----------
    x : array_like, shape (..., d_in)
    W : array_like, shape (d_out, d_in)
        The frozen weight (PyTorch's layout).
    b : array_like, shape (d_out,), or None
    A : array_like, shape (r, d_in)
    B : array_like, shape (d_out, r)
    alpha : float > 0
        The scaling is :math:`\alpha / r`.

    Returns
    -------
    np.ndarray, shape (..., d_out)

    Raises
    ------
    ValueError
        If the shapes do not fit together or ``alpha`` is not positive.

    Examples
    --------
    >>> lora_forward(np.ones((1, 2)), np.eye(2), None, np.ones((1, 2)), np.ones((2, 1)), 1.0)
    array([[3., 3.]])
    """
    x, W, A, B = (np.asarray(a, dtype=float) for a in (x, W, A, B))
    scale = _alpha(alpha)
    if W.ndim != 2 or A.ndim != 2 or B.ndim != 2:
        raise ValueError(f"W, A and B must be 2-D, got shapes {W.shape}, {A.shape}, {B.shape}")
    d_out, d_in = W.shape
    r = A.shape[0]
    if A.shape != (r, d_in) or B.shape != (d_out, r) or r == 0:
        raise ValueError(f"A must be (r, d_in) = (r, {d_in}) and B (d_out, r) = ({d_out}, r) "
                         f"with the same r >= 1; got A {A.shape}, B {B.shape}")
    if x.ndim == 0 or x.shape[-1] != d_in:
        raise ValueError(f"x's last axis must have d_in = {d_in} elements, got shape {x.shape}")
    y = x @ W.T + (scale / r) * ((x @ A.T) @ B.T)  # (..., d_out); rank-r path costs r(d_in+d_out)
    if b is not None:
        bias = np.asarray(b, dtype=float)
        if bias.shape != (d_out,):
            raise ValueError(f"b must have shape ({d_out},), got {bias.shape}")
        y = y + bias
    return y


def lora_parameter_count(in_features: int, out_features: int, r: int) -> int:
    r"""The number of trainable numbers LoRA adds to one layer: :math:`r (d_\text{in} +
    d_\text{out})` (``A`` is ``(r, d_in)``, ``B`` is ``(d_out, r)``).

    Raises
    ------
    ValueError
        If a size or ``r`` is not a positive int, or ``r > min(in_features, out_features)``
        (a change of higher rank than the matrix itself saves nothing).
    """
    d_in, d_out, rank = _rank(in_features), _rank(out_features), _rank(r)
    if rank > min(d_in, d_out):
        raise ValueError(f"r = {rank} exceeds min(in_features, out_features) = "
                         f"{min(d_in, d_out)}")
    return rank * (d_in + d_out)


class LoRALinear(Module):
    r"""A frozen :class:`~groundup.nn.Linear` plus a trainable low-rank change.

    .. math:: y = \operatorname{base}(x) + \frac{\alpha}{r} (x A^\top) B^\top

    Parameters
    ----------
    base : Linear
        The pretrained layer; its parameters are frozen (``requires_grad = False``).
    r : int
        The rank.
    alpha : float, optional
        Scaling numerator; default ``r`` (scaling 1).
    rng : numpy Generator, int seed or None
        ``A`` is drawn from :math:`U(-1/\sqrt{d_\text{in}}, 1/\sqrt{d_\text{in}})` (PyTorch's
        Linear initialisation, as PEFT); ``B`` is zeros.

    Attributes
    ----------
    base : Linear
    lora_A : Parameter, shape (r, in_features)
    lora_B : Parameter, shape (out_features, r)
    scaling : float
        :math:`\alpha / r`.
    """

    base: Linear
    lora_A: Parameter  # noqa: N815  (PEFT's names)
    lora_B: Parameter  # noqa: N815

    def __init__(self, base: Linear, r: int = 8, alpha: float | None = None,
                 rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        if not isinstance(base, Linear):
            raise TypeError(f"LoRALinear wraps a Linear layer, got {type(base).__name__}")
        lora_parameter_count(base.in_features, base.out_features, r)  # validates r
        self.r = int(r)
        self.alpha = float(self.r) if alpha is None else _alpha(alpha)
        self.scaling = self.alpha / self.r
        for p in base.parameters():
            p.requires_grad = False
        self.base = base
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        dtype = base.weight.dtype
        bound = 1.0 / math.sqrt(base.in_features)
        self.lora_A = Parameter(gen.uniform(-bound, bound, size=(self.r, base.in_features)),
                                dtype=dtype)
        self.lora_B = Parameter(np.zeros((base.out_features, self.r)), dtype=dtype)

    @property
    def in_features(self) -> int:
        return self.base.in_features

    @property
    def out_features(self) -> int:
        return self.base.out_features

    def forward(self, x: Tensor) -> Tensor:
        from groundup.gpt.ops import linear

        low = linear(x, self.lora_A)  # (..., r)
        return self.base(x) + linear(low, self.lora_B) * self.scaling  # (..., out)

    def merged_weight(self) -> np.ndarray:
        r""":math:`W + \frac{\alpha}{r} B A`, shape (out_features, in_features)."""
        return (self.base.weight.data + self.scaling * (self.lora_B.data @ self.lora_A.data)
                ).astype(self.base.weight.dtype)

    def merged(self) -> Linear:
        """A plain layer of the base's class with the change merged into its weight."""
        base = self.base
        out = type(base)(base.in_features, base.out_features, bias=base.bias is not None,
                         dtype=base.weight.dtype)
        out.weight = Parameter(self.merged_weight())
        if base.bias is not None:
            out.bias = Parameter(base.bias.data.copy())
        return out

    def extra_repr(self) -> str:
        return f"r={self.r}, alpha={self.alpha:g}"

    def __repr__(self) -> str:
        return f"LoRALinear({self.extra_repr()}, base={self.base!r})"


def _children(module: Module) -> dict[str, Module]:
    return module.__dict__["_modules"]


def apply_lora(model: Module, targets: Iterable[str] = ("c_attn",), r: int = 8,
               alpha: float | None = None, rng: np.random.Generator | int | None = None
               ) -> Module:
    """Freeze every parameter of ``model`` and wrap each Linear named in ``targets`` (the
    attribute name, e.g. ``"c_attn"``) in a :class:`LoRALinear`. In place; returns ``model``.

    Raises
    ------
    ValueError
        If no Linear layer has one of the ``targets`` names.
    """
    names = {targets} if isinstance(targets, str) else set(targets)
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    for p in model.parameters():
        p.requires_grad = False
    replaced = 0
    for _, module in list(model.named_modules()):
        for name, child in list(_children(module).items()):
            if name in names and isinstance(child, Linear):
                setattr(module, name, LoRALinear(child, r=r, alpha=alpha, rng=gen))
                replaced += 1
    if not replaced:
        raise ValueError(f"no Linear layer named {sorted(names)} in the model")
    return model


def lora_parameters(model: Module) -> list[Parameter]:
    """The ``lora_A`` and ``lora_B`` parameters of every :class:`LoRALinear` in ``model``."""
    return [p for m in model.modules() if isinstance(m, LoRALinear)
            for p in (m.lora_A, m.lora_B)]


def merge(model: Module) -> Module:
    """Replace every :class:`LoRALinear` in ``model`` by its merged plain layer (in place);
    returns ``model``. The outputs stay the same, up to rounding."""
    for _, module in list(model.named_modules()):
        for name, child in list(_children(module).items()):
            if isinstance(child, LoRALinear):
                setattr(module, name, child.merged())
    return model


def count_parameters(model: Module) -> tuple[int, int]:
    """``(trainable, total)`` numbers of parameters (a shared parameter counted once)."""
    params = list(model.parameters())
    return (sum(p.size for p in params if p.requires_grad), sum(p.size for p in params))
