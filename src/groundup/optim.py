r"""Optimisers for :class:`groundup.nn.Tensor` parameters, step for step as ``torch.optim``.

Each optimiser holds a list of parameters and, per parameter, its state (momentum buffer,
moment estimates). :meth:`Optimizer.step` updates ``p.data`` in place from ``p.grad``;
parameters whose ``grad`` is None are skipped, as in PyTorch.

============  ===============================================================================
optimiser     update, with :math:`g = \nabla_p L` (+ :math:`\lambda p` for weight decay)
============  ===============================================================================
SGD           :math:`b \leftarrow \mu b + (1 - \tau) g`; :math:`p \leftarrow p - \eta b`
              (Nesterov: :math:`p \leftarrow p - \eta (g + \mu b)`)
Adam          :math:`m \leftarrow \beta_1 m + (1-\beta_1) g`,
              :math:`v \leftarrow \beta_2 v + (1-\beta_2) g^2`,
              :math:`p \leftarrow p - \eta\, \hat m / (\sqrt{\hat v} + \epsilon)`
AdamW         Adam without :math:`\lambda p` in :math:`g`; instead
              :math:`p \leftarrow p (1 - \eta \lambda)` before the step (decoupled decay)
============  ===============================================================================

Examples
--------
>>> from groundup.nn import Tensor
>>> w = Tensor([1.0, -2.0], requires_grad=True)
>>> opt = SGD([w], lr=0.1)
>>> (w * w).sum().backward()
>>> opt.step()
>>> w.data.tolist()                   # w - 0.1 * 2w
[0.800000011920929, -1.600000023841858]
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

import numpy as np

from groundup.nn.tensor import Tensor

__all__ = ["SGD", "Adam", "AdamW", "Optimizer"]


def _check(value: object, name: str, low: float = 0.0, high: float = math.inf,
           high_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    v = float(value)
    if not (low <= v < high if high_open else low <= v <= high):
        bracket = ")" if high_open else "]"
        raise ValueError(f"{name} must be in [{low:g}, {high:g}{bracket}, got {value!r}")
    return v


class Optimizer:
    """Base class: holds the parameters and their per-parameter state.

    Parameters
    ----------
    params : iterable of Tensor
        For example ``model.parameters()``.

    Raises
    ------
    ValueError
        If ``params`` is empty.
    TypeError
        If an element is not a Tensor that requires grad.
    """

    def __init__(self, params: Iterable[Tensor]) -> None:
        self.params: list[Tensor] = list(params)
        if not self.params:
            raise ValueError("the optimiser got an empty parameter list")
        for i, p in enumerate(self.params):
            if not isinstance(p, Tensor) or not p.requires_grad:
                raise TypeError(f"parameter {i} is not a Tensor with requires_grad=True")
        self.state: dict[int, dict[str, Any]] = {id(p): {} for p in self.params}

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Forget every parameter's gradient (``grad = None``, as PyTorch's default)."""
        for p in self.params:
            p.zero_grad(set_to_none)

    def step(self) -> None:
        """Update every parameter that has a gradient."""
        for p in self.params:
            if p.grad is not None:
                self._update(p, p.grad, self.state[id(p)])

    def _update(self, p: Tensor, grad: np.ndarray, state: dict[str, Any]) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    r"""Stochastic gradient descent with momentum, dampening, Nesterov and weight decay.

    .. math:: g_t = \nabla_p L + \lambda p, \quad
              b_t = \begin{cases} g_1 & t = 1 \\ \mu b_{t-1} + (1 - \tau) g_t & t > 1
              \end{cases}, \quad
              p \leftarrow p - \eta \begin{cases} g_t + \mu b_t & \text{Nesterov} \\
              b_t & \text{else} \end{cases}

    Parameters
    ----------
    params : iterable of Tensor
    lr : float
        :math:`\eta`.
    momentum : float, default 0
        :math:`\mu`; 0 gives plain gradient descent :math:`p \leftarrow p - \eta g`.
    dampening : float, default 0
        :math:`\tau`.
    weight_decay : float, default 0
        :math:`\lambda` (an L2 penalty :math:`\tfrac{\lambda}{2}\lVert p\rVert^2` added to
        the loss).
    nesterov : bool, default False
    """

    def __init__(self, params: Iterable[Tensor], lr: float = 1e-3, momentum: float = 0.0,
                 dampening: float = 0.0, weight_decay: float = 0.0,
                 nesterov: bool = False) -> None:
        super().__init__(params)
        self.lr = _check(lr, "lr")
        self.momentum = _check(momentum, "momentum")
        self.dampening = _check(dampening, "dampening", 0.0, 1.0)
        self.weight_decay = _check(weight_decay, "weight_decay")
        if nesterov and (self.momentum == 0 or self.dampening != 0):
            raise ValueError("Nesterov momentum needs momentum > 0 and dampening = 0")
        self.nesterov = nesterov

    def _update(self, p: Tensor, grad: np.ndarray, state: dict[str, Any]) -> None:
        g = grad + self.weight_decay * p.data if self.weight_decay else grad
        if self.momentum:
            if "momentum_buffer" not in state:
                buf = state["momentum_buffer"] = g.copy()
            else:
                buf = state["momentum_buffer"]
                buf *= self.momentum
                buf += (1 - self.dampening) * g
            g = g + self.momentum * buf if self.nesterov else buf
        p.data -= self.lr * g


class Adam(Optimizer):
    r"""Adam: momentum on the gradient and on its square, with bias correction.

    .. math:: m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t, \quad
              v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2, \quad
              p \leftarrow p - \frac{\eta}{1-\beta_1^t}\,
              \frac{m_t}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}

    :math:`g_t` includes :math:`\lambda p` when ``weight_decay`` is set (L2 penalty; see
    :class:`AdamW` for decoupled decay). ``amsgrad`` uses the running maximum of
    :math:`v_t`. The division is arranged as in PyTorch, so trajectories agree to rounding.

    Parameters
    ----------
    params : iterable of Tensor
    lr : float, default 1e-3
    betas : (float, float), default (0.9, 0.999)
    eps : float, default 1e-8
    weight_decay : float, default 0
    amsgrad : bool, default False
    """

    decoupled = False

    def __init__(self, params: Iterable[Tensor], lr: float = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0, amsgrad: bool = False) -> None:
        super().__init__(params)
        self.lr = _check(lr, "lr")
        if len(betas) != 2:
            raise ValueError(f"betas must be a pair (beta1, beta2), got {betas!r}")
        self.betas = (_check(betas[0], "betas[0]", 0.0, 1.0, high_open=True),
                      _check(betas[1], "betas[1]", 0.0, 1.0, high_open=True))
        self.eps = _check(eps, "eps")
        self.weight_decay = _check(weight_decay, "weight_decay")
        self.amsgrad = amsgrad

    def _update(self, p: Tensor, grad: np.ndarray, state: dict[str, Any]) -> None:
        beta1, beta2 = self.betas
        if not state:
            state["step"] = 0
            state["exp_avg"] = np.zeros_like(p.data)
            state["exp_avg_sq"] = np.zeros_like(p.data)
            if self.amsgrad:
                state["max_exp_avg_sq"] = np.zeros_like(p.data)
        state["step"] += 1
        t = state["step"]
        g = grad
        if self.weight_decay:
            if self.decoupled:
                p.data *= 1 - self.lr * self.weight_decay
            else:
                g = g + self.weight_decay * p.data
        m, v = state["exp_avg"], state["exp_avg_sq"]
        m += (1 - beta1) * (g - m)  # m = beta1 m + (1 - beta1) g, PyTorch's lerp
        v *= beta2
        v += (1 - beta2) * g * g
        if self.amsgrad:
            np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
            v = state["max_exp_avg_sq"]
        bias_correction1 = 1 - beta1**t
        bias_correction2 = 1 - beta2**t
        denom = np.sqrt(v) / math.sqrt(bias_correction2) + self.eps
        p.data -= (self.lr / bias_correction1) * (m / denom)


class AdamW(Adam):
    r"""Adam with decoupled weight decay: :math:`p \leftarrow p\,(1 - \eta\lambda)`, then an
    Adam step on the plain gradient (Loshchilov and Hutter). ``weight_decay`` defaults to
    0.01, as PyTorch."""

    decoupled = True

    def __init__(self, params: Iterable[Tensor], lr: float = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 1e-2, amsgrad: bool = False) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)
