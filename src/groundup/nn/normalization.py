r"""Normalisation layers, as ``torch.nn.BatchNorm1d``, ``BatchNorm2d`` and ``LayerNorm``.

Both kinds standardise numbers to mean 0 and variance 1, then let the network rescale them
with a learned weight :math:`\gamma` and shift :math:`\beta`:

.. math:: y = \gamma\, \frac{x - \mu}{\sqrt{\sigma^2 + \varepsilon}} + \beta

They differ in *which* numbers share :math:`\mu` and :math:`\sigma^2`:

- **batch norm**: one mean and variance per channel, over the batch (and the spatial
  positions). While training it uses the batch's own statistics (the biased variance) and
  keeps running averages of them in the buffers ``running_mean`` and ``running_var`` (the
  unbiased variance, :math:`\frac{m}{m-1}\sigma^2`), updated as
  :math:`r \leftarrow (1 - \text{momentum})\, r + \text{momentum}\cdot \text{stat}`; after
  :meth:`~groundup.nn.modules.Module.eval` it uses those averages.
- **layer norm**: one mean and variance per example, over its last axes
  (``normalized_shape``): the same in training and evaluation.

The standardisation is one Tensor operation with its own backward
(:math:`\hat x = (x - \mu)/\sqrt{\sigma^2+\varepsilon}`):

.. math:: \frac{\partial L}{\partial x} = \frac{1}{m \sqrt{\sigma^2+\varepsilon}}
          \Big(m\, \hat G - \sum \hat G - \hat x \sum \hat G\, \hat x\Big)

where the sums run over the :math:`m` numbers that share the statistics.

Buffers: ``running_mean``, ``running_var`` and ``num_batches_tracked`` are registered with
``Module.register_buffer``, so they are saved and loaded with PyTorch's names wherever the layer
sits in a model.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np

from groundup.nn.modules import Module, Parameter
from groundup.nn.tensor import Grads, Tensor

__all__ = ["BatchNorm1d", "BatchNorm2d", "LayerNorm", "standardize"]


def standardize(x: Tensor, axes: tuple[int, ...], eps: float) -> tuple[Tensor, np.ndarray,
                                                                          np.ndarray]:
    r"""``(x - mean) / sqrt(var + eps)`` over ``axes`` (biased variance), one fused op.

    Returns
    -------
    (Tensor, mean, var)
        The standardised tensor and the statistics (NumPy, with ``keepdims``).
    """
    data = x.data
    mean = data.mean(axis=axes, keepdims=True)
    centred = data - mean
    var = (centred * centred).mean(axis=axes, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = centred * inv_std
    m = math.prod(data.shape[a] for a in axes)

    def backward(g: np.ndarray) -> Grads:
        g_sum = g.sum(axis=axes, keepdims=True)
        gx_sum = (g * x_hat).sum(axis=axes, keepdims=True)
        return ((inv_std / m) * (m * g - g_sum - x_hat * gx_sum),)

    return Tensor._make(x_hat.astype(data.dtype, copy=False), (x,), backward, "standardize"), \
        mean, var


def _positive(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not float(value) > 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return float(value)


class _BatchNorm(Module):
    """Batch normalisation over every axis but the channel axis 1."""

    _ndims: tuple[int, ...] = ()  # allowed input ranks
    num_features: int
    eps: float
    momentum: float | None
    affine: bool
    track_running_stats: bool
    weight: Parameter | None
    bias: Parameter | None
    running_mean: np.ndarray | None
    running_var: np.ndarray | None
    num_batches_tracked: np.ndarray | None

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float | None = 0.1,
                 affine: bool = True, track_running_stats: bool = True,
                 dtype: Any = np.float32) -> None:
        super().__init__()
        if isinstance(num_features, bool) or not isinstance(num_features, numbers.Integral) \
                or num_features < 1:
            raise ValueError(f"num_features must be a positive int, got {num_features!r}")
        self.num_features = int(num_features)
        self.eps = _positive(eps, "eps")
        if momentum is not None and (isinstance(momentum, bool) or not isinstance(
                momentum, numbers.Real) or not 0.0 <= momentum <= 1.0):
            raise ValueError(f"momentum must be in [0, 1] or None, got {momentum!r}")
        self.momentum = None if momentum is None else float(momentum)
        self.affine = bool(affine)
        self.track_running_stats = bool(track_running_stats)
        dt = np.dtype(dtype)
        if affine:
            self.weight = Parameter(np.ones(self.num_features, dtype=dt))
            self.bias = Parameter(np.zeros(self.num_features, dtype=dt))
        else:
            self.weight = None
            self.bias = None
        if track_running_stats:
            self.register_buffer("running_mean", np.zeros(self.num_features, dtype=dt))
            self.register_buffer("running_var", np.ones(self.num_features, dtype=dt))
            self.register_buffer("num_batches_tracked", np.array(0, dtype=np.int64))
        else:
            self.running_mean = self.running_var = self.num_batches_tracked = None

    def reset_running_stats(self) -> None:
        """Back to mean 0, variance 1 and no batches seen."""
        if self.track_running_stats:
            assert self.running_mean is not None and self.running_var is not None
            self.running_mean[...] = 0
            self.running_var[...] = 1
            self.num_batches_tracked = np.array(0, dtype=np.int64)

    def forward(self, x: Tensor) -> Tensor:
        """Normalise ``(N, C, ...)`` per channel (see the module docstring)."""
        x = x if isinstance(x, Tensor) else Tensor(x)
        if x.ndim not in self._ndims or x.shape[1] != self.num_features:
            raise ValueError(f"{type(self).__name__}({self.num_features}) expects input of "
                             f"rank {' or '.join(map(str, self._ndims))} with "
                             f"{self.num_features} channels on axis 1, got shape {x.shape}")
        axes = (0,) + tuple(range(2, x.ndim))
        shape = (1, -1) + (1,) * (x.ndim - 2)  # broadcast per channel: (1, C, 1, ...)
        use_batch = self.training or not self.track_running_stats
        if use_batch:
            m = x.size // self.num_features
            if self.training and m <= 1:
                raise ValueError(f"expected more than 1 value per channel when training, got "
                                 f"input shape {x.shape}")
            x_hat, mean, var = standardize(x, axes, self.eps)
            if self.training and self.track_running_stats:
                self._update_running(mean.reshape(-1), var.reshape(-1) * m / (m - 1))
        else:
            assert self.running_mean is not None and self.running_var is not None
            rm = self.running_mean.reshape(shape).astype(x.dtype)
            inv = (1.0 / np.sqrt(self.running_var + self.eps)).reshape(shape).astype(x.dtype)
            x_hat = (x - Tensor(rm)) * Tensor(inv)
        if self.weight is not None and self.bias is not None:
            return x_hat * self.weight.reshape(shape) + self.bias.reshape(shape)
        return x_hat

    def _update_running(self, mean: np.ndarray, unbiased_var: np.ndarray) -> None:
        assert self.running_mean is not None and self.running_var is not None
        assert self.num_batches_tracked is not None
        self.num_batches_tracked = self.num_batches_tracked + 1
        factor = 1.0 / float(self.num_batches_tracked) if self.momentum is None \
            else self.momentum
        dt = self.running_mean.dtype
        self.running_mean = ((1 - factor) * self.running_mean + factor * mean).astype(dt)
        self.running_var = ((1 - factor) * self.running_var + factor * unbiased_var).astype(dt)

    def extra_repr(self) -> str:
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, "
                f"affine={self.affine}, track_running_stats={self.track_running_stats}")


class BatchNorm1d(_BatchNorm):
    r"""Batch normalisation of ``(N, C)`` or ``(N, C, L)`` inputs, per channel ``C``.

    Parameters
    ----------
    num_features : int
        ``C``.
    eps : float, default 1e-5
        Added to the variance under the square root.
    momentum : float or None, default 0.1
        Weight of the new batch in the running averages; None: a plain average of all
        batches so far (:math:`1/\text{num\_batches\_tracked}`).
    affine : bool, default True
        Learn ``weight`` (ones) and ``bias`` (zeros), shape ``(C,)``.
    track_running_stats : bool, default True
        Keep ``running_mean``, ``running_var`` and ``num_batches_tracked``; without them the
        batch's statistics are used in evaluation too.
    """

    _ndims = (2, 3)


class BatchNorm2d(_BatchNorm):
    """Batch normalisation of ``(N, C, H, W)`` images, per channel (over N, H and W); the
    parameters are those of :class:`BatchNorm1d`."""

    _ndims = (4,)


class LayerNorm(Module):
    r"""Layer normalisation over the last axes, as ``torch.nn.LayerNorm``.

    Parameters
    ----------
    normalized_shape : int or sequence of int
        The trailing shape to normalise over: ``(C,)`` for ``(N, T, C)`` token vectors.
    eps : float, default 1e-5
    elementwise_affine : bool, default True
        Learn ``weight`` (ones) and ``bias`` (zeros) of shape ``normalized_shape``.
    bias : bool, default True
        With ``elementwise_affine``, also learn the bias.
    """

    normalized_shape: tuple[int, ...]
    eps: float
    elementwise_affine: bool
    weight: Parameter | None
    bias: Parameter | None

    def __init__(self, normalized_shape: int | Sequence[int], eps: float = 1e-5,
                 elementwise_affine: bool = True, bias: bool = True,
                 dtype: Any = np.float32) -> None:
        super().__init__()
        shape: tuple[Any, ...] = (normalized_shape,) if isinstance(
            normalized_shape, numbers.Integral) else tuple(normalized_shape)  # type: ignore[arg-type]
        if not shape or any(isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1
                            for n in shape):
            raise ValueError(f"normalized_shape must be a positive int or a non-empty tuple of "
                             f"them, got {normalized_shape!r}")
        self.normalized_shape = tuple(int(n) for n in shape)
        self.eps = _positive(eps, "eps")
        self.elementwise_affine = bool(elementwise_affine)
        dt = np.dtype(dtype)
        self.weight = Parameter(np.ones(self.normalized_shape, dtype=dt)) \
            if elementwise_affine else None
        self.bias = Parameter(np.zeros(self.normalized_shape, dtype=dt)) \
            if elementwise_affine and bias else None

    def forward(self, x: Tensor) -> Tensor:
        """Standardise each example over its last ``len(normalized_shape)`` axes."""
        x = x if isinstance(x, Tensor) else Tensor(x)
        k = len(self.normalized_shape)
        if x.shape[x.ndim - k:] != self.normalized_shape or x.ndim < k:
            raise ValueError(f"LayerNorm{self.normalized_shape} expects the input's last axes "
                             f"to be {self.normalized_shape}, got shape {x.shape}")
        x_hat, _, _ = standardize(x, tuple(range(x.ndim - k, x.ndim)), self.eps)
        out = x_hat
        if self.weight is not None:
            out = out * self.weight
        if self.bias is not None:
            out = out + self.bias
        return out

    def extra_repr(self) -> str:
        return (f"{self.normalized_shape}, eps={self.eps}, "
                f"elementwise_affine={self.elementwise_affine}")
