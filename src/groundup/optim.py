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

Learning-rate schedules (:class:`StepLR`, :class:`CosineAnnealingLR`, :class:`LinearLR`,
:class:`LambdaLR`) change ``optimizer.lr`` once per epoch, with the values of
``torch.optim.lr_scheduler``.

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

__all__ = ["SGD", "Adam", "AdamW", "CosineAnnealingLR", "LRScheduler", "LambdaLR", "LinearLR",
           "LinearWarmup", "Optimizer", "StepLR"]


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

    lr: float  # every optimiser has one learning rate; the schedules below change it

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


# ---------------------------------------------------------------------------------------------
# Learning-rate schedules, step for step as torch.optim.lr_scheduler

class LRScheduler:
    r"""Base class of the learning-rate schedules: changes ``optimizer.lr`` once per
    :meth:`step` (usually once per epoch, after the optimiser's steps).

    As in PyTorch, building a schedule already takes its first step (epoch 0), and the
    rules are written *recursively*, from the current ``optimizer.lr``, so that the values agree
    with ``torch.optim.lr_scheduler`` to the last bit.

    Parameters
    ----------
    optimizer : Optimizer

    Attributes
    ----------
    base_lr : float
        The optimiser's learning rate when the schedule was built.
    last_epoch : int
        How many times :meth:`step` has been called (0 right after construction).
    """

    def __init__(self, optimizer: Optimizer) -> None:
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not a groundup Optimizer")
        self.optimizer = optimizer
        self.base_lr = float(optimizer.lr)
        self.last_epoch = -1
        self._initial = True
        self.step()
        self._initial = False

    def get_lr(self) -> float:
        """The learning rate for epoch :attr:`last_epoch` (already incremented)."""
        raise NotImplementedError

    def step(self) -> None:
        """Move to the next epoch and set the optimiser's learning rate."""
        self.last_epoch += 1
        self.optimizer.lr = self.get_lr()

    def get_last_lr(self) -> list[float]:
        """The current learning rate, in a list (one per parameter group, as PyTorch)."""
        return [float(self.optimizer.lr)]

    @property
    def lr(self) -> float:
        return float(self.optimizer.lr)


def _positive_int(n: object, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"{name} must be a positive int, got {n!r}")
    return int(n)


class LambdaLR(LRScheduler):
    r"""``lr = base_lr * lr_lambda(epoch)``: any schedule given as a function.

    Examples
    --------
    A linear warm-up over 5 epochs, then constant:

    >>> from groundup.nn import Tensor
    >>> opt = SGD([Tensor([1.0], requires_grad=True)], lr=0.1)
    >>> sched = LambdaLR(opt, lambda epoch: min(1.0, (epoch + 1) / 5))
    >>> round(opt.lr, 4)
    0.02
    """

    def __init__(self, optimizer: Optimizer, lr_lambda: Any) -> None:
        if not callable(lr_lambda):
            raise TypeError("lr_lambda must be a function of the epoch")
        self.lr_lambda = lr_lambda
        super().__init__(optimizer)

    def get_lr(self) -> float:
        return self.base_lr * float(self.lr_lambda(self.last_epoch))


class StepLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` every ``step_size`` epochs:
    :math:`\eta_t = \eta_0\, \gamma^{\lfloor t / \text{step\_size} \rfloor}`."""

    def __init__(self, optimizer: Optimizer, step_size: int, gamma: float = 0.1) -> None:
        self.step_size = _positive_int(step_size, "step_size")
        self.gamma = _check(gamma, "gamma")
        super().__init__(optimizer)

    def get_lr(self) -> float:
        lr = float(self.optimizer.lr)
        if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:
            return lr
        return lr * self.gamma


class LinearLR(LRScheduler):
    r"""Linear warm-up: the factor on ``base_lr`` goes linearly from ``start_factor`` to
    ``end_factor`` over ``total_iters`` epochs, then stays.

    .. math:: \eta_t = \eta_0 \Big(s + (e - s)\,\frac{\min(t, T)}{T}\Big)
    """

    def __init__(self, optimizer: Optimizer, start_factor: float = 1.0 / 3,
                 end_factor: float = 1.0, total_iters: int = 5) -> None:
        self.start_factor = _check(start_factor, "start_factor", 0.0, 1.0)
        if self.start_factor == 0:
            raise ValueError("start_factor must be in (0, 1], got 0")
        self.end_factor = _check(end_factor, "end_factor", 0.0, 1.0)
        self.total_iters = _positive_int(total_iters, "total_iters")
        super().__init__(optimizer)

    def get_lr(self) -> float:
        lr = float(self.optimizer.lr)
        if self.last_epoch == 0:
            return lr * self.start_factor
        if self.last_epoch > self.total_iters:
            return lr
        s, e = self.start_factor, self.end_factor
        return lr * (1.0 + (e - s) / (self.total_iters * s + (self.last_epoch - 1) * (e - s)))


LinearWarmup = LinearLR


class CosineAnnealingLR(LRScheduler):
    r"""Cosine annealing from ``base_lr`` down to ``eta_min`` over ``T_max`` epochs:

    .. math:: \eta_t = \eta_{\min} + \tfrac12 (\eta_0 - \eta_{\min})
              \Big(1 + \cos\frac{\pi t}{T_{\max}}\Big)

    (then back up again, periodically, as PyTorch's recursive form does).
    """

    def __init__(self, optimizer: Optimizer, T_max: int, eta_min: float = 0.0) -> None:  # noqa: N803
        self.T_max = _positive_int(T_max, "T_max")
        self.eta_min = _check(eta_min, "eta_min")
        super().__init__(optimizer)

    def get_lr(self) -> float:
        lr = float(self.optimizer.lr)
        t, T = self.last_epoch, self.T_max
        if self._initial:
            return lr
        if (t - 1 - T) % (2 * T) == 0:
            return lr + (self.base_lr - self.eta_min) * (1 - math.cos(math.pi / T)) / 2
        return ((1 + math.cos(math.pi * t / T)) / (1 + math.cos(math.pi * (t - 1) / T))
                * (lr - self.eta_min) + self.eta_min)
