r"""Functions on :class:`~groundup.nn.tensor.Tensor`, as ``torch.nn.functional``.

Activations (:func:`relu`, :func:`sigmoid`, :func:`tanh`, :func:`gelu`), normalisers
(:func:`softmax`, :func:`log_softmax`), losses (:func:`cross_entropy`, :func:`mse_loss`),
:func:`linear` and :func:`dropout`. Everything is built from Tensor operations, so gradients
come for free. Reductions take NumPy's name ``axis`` (PyTorch: ``dim``).

Examples
--------
>>> import groundup.nn.functional as F
>>> logits = Tensor([[2.0, 0.5, -1.0]], requires_grad=True)
>>> loss = F.cross_entropy(logits, [0])
>>> loss.backward()
>>> bool(np.allclose(logits.grad, F.softmax(logits).data - [1, 0, 0]))   # softmax - one-hot
True
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from groundup.nn.tensor import Tensor, _as_index_array

__all__ = ["cross_entropy", "dropout", "gelu", "linear", "log_softmax", "mse_loss", "relu",
           "sigmoid", "softmax", "tanh"]

_REDUCTIONS = ("mean", "sum", "none")


def _t(x: Any) -> Tensor:
    return x if isinstance(x, Tensor) else Tensor(x)


def _check_reduction(reduction: str) -> None:
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")


def relu(input: Any) -> Tensor:
    r""":math:`\max(0, x)` element-wise."""
    return _t(input).relu()


def sigmoid(input: Any) -> Tensor:
    r""":math:`1 / (1 + e^{-x})` element-wise, without overflow."""
    return _t(input).sigmoid()


def tanh(input: Any) -> Tensor:
    r""":math:`\tanh x` element-wise."""
    return _t(input).tanh()


def gelu(input: Any, approximate: str = "none") -> Tensor:
    r""":math:`x\,\Phi(x)`; ``approximate="tanh"`` for the tanh approximation (see
    :meth:`Tensor.gelu`)."""
    return _t(input).gelu(approximate)


def softmax(input: Any, axis: int = -1) -> Tensor:
    r""":math:`e^{x_i} / \sum_j e^{x_j}` along ``axis``, with the maximum subtracted first."""
    return _t(input).softmax(axis)


def log_softmax(input: Any, axis: int = -1) -> Tensor:
    r""":math:`x_i - \log \sum_j e^{x_j}` along ``axis``, computed stably."""
    return _t(input).log_softmax(axis)


def linear(input: Any, weight: Any, bias: Any = None) -> Tensor:
    r"""An affine map with PyTorch's weight layout: :math:`y = x W^\top + b`.

    Parameters
    ----------
    input : Tensor, shape (..., in_features)
    weight : Tensor, shape (out_features, in_features)
    bias : Tensor, shape (out_features,), optional

    Returns
    -------
    Tensor, shape (..., out_features)

    Raises
    ------
    ValueError
        If the shapes do not fit together.
    """
    x, W = _t(input), _t(weight)
    if W.ndim != 2:
        raise ValueError(f"linear: weight must be 2-D (out_features, in_features), got shape "
                         f"{W.shape}")
    if x.ndim == 0 or x.shape[-1] != W.shape[1]:
        raise ValueError(f"linear: input's last axis must have in_features = {W.shape[1]} "
                         f"elements (weight shape {W.shape}), got input shape {x.shape}")
    out = x @ W.T  # (..., out_features)
    if bias is not None:
        b = _t(bias)
        if b.shape != (W.shape[0],):
            raise ValueError(f"linear: bias must have shape ({W.shape[0]},), got {b.shape}")
        out = out + b
    return out


def mse_loss(input: Any, target: Any, reduction: str = "mean") -> Tensor:
    r"""Squared error :math:`(x_i - y_i)^2`, averaged (``"mean"``), summed (``"sum"``) or
    element by element (``"none"``).

    Raises
    ------
    ValueError
        If the shapes differ (PyTorch broadcasts with a warning, which hides bugs such as
        ``(n, 1)`` against ``(n,)``), or ``reduction`` is unknown.
    """
    _check_reduction(reduction)
    x, y = _t(input), _t(target)
    if x.shape != y.shape:
        raise ValueError(f"mse_loss: input shape {x.shape} and target shape {y.shape} differ")
    diff = x - y
    sq = diff * diff
    if reduction == "none":
        return sq
    return sq.sum() if reduction == "sum" else sq.mean()


def cross_entropy(input: Any, target: Any, reduction: str = "mean", ignore_index: int = -100,
                  label_smoothing: float = 0.0) -> Tensor:
    r"""Cross-entropy between logits and target classes, as ``torch.nn.functional.cross_entropy``.

    For one example with logits :math:`z \in \mathbb R^C` and class :math:`t`:

    .. math:: \ell = -\log \operatorname{softmax}(z)_t
              = -z_t + \log \sum_{c} e^{z_c}

    With label smoothing :math:`\varepsilon` the target is :math:`1 - \varepsilon` on
    :math:`t` plus :math:`\varepsilon / C` on every class:
    :math:`\ell = (1-\varepsilon)(-\log p_t) + \frac{\varepsilon}{C}\sum_c (-\log p_c)`.
    The gradient with respect to the logits is :math:`\operatorname{softmax}(z) - y`.

    Parameters
    ----------
    input : Tensor
        Logits (not probabilities), shape ``(C,)``, ``(N, C)`` or ``(N, C, d1, ...)``: the
        classes are on axis 1 (axis 0 for one example), as in PyTorch.
    target : integer array-like or Tensor
        Class indices in ``[0, C)``, shape ``()``, ``(N,)`` or ``(N, d1, ...)``; or class
        probabilities of the same shape as ``input``.
    reduction : {"mean", "sum", "none"}
        ``"mean"`` averages over the targets that are not ``ignore_index``.
    ignore_index : int
        Targets equal to it contribute 0 and are not counted in the mean.
    label_smoothing : float in [0, 1]

    Returns
    -------
    Tensor
        A scalar, or the per-target losses (shape of the index target) for ``"none"``.

    Raises
    ------
    ValueError
        For a target of the wrong shape, an unknown ``reduction`` or a ``label_smoothing``
        outside [0, 1].
    IndexError
        For a class index outside ``[0, C)`` that is not ``ignore_index``.
    """
    _check_reduction(reduction)
    if not isinstance(label_smoothing, numbers.Real) or not 0.0 <= label_smoothing <= 1.0:
        raise ValueError(f"label_smoothing must be in [0, 1], got {label_smoothing!r}")
    z = _t(input)
    if z.ndim == 0:
        raise ValueError("cross_entropy: input must have a class axis, got a scalar")
    class_axis = 1 if z.ndim >= 2 else 0
    n_classes = z.shape[class_axis]
    # Classes last: (N, C, d1, ...) -> (N, d1, ..., C); (C,) and (N, C) are already so.
    perm = [0, *range(2, z.ndim), 1] if z.ndim > 2 else list(range(z.ndim))
    logp = z.log_softmax(axis=class_axis).permute(perm)  # (..., C)
    eps = float(label_smoothing)

    target_shape = np.shape(target.data if isinstance(target, Tensor) else target)
    if target_shape == z.shape and target_shape != ():
        # Class probabilities, one distribution per example.
        p = _t(target).permute(perm)  # (..., C)
        if eps:
            p = p * (1 - eps) + eps / n_classes
        losses = -(p * logp).sum(axis=-1)  # (...)
        if reduction == "none":
            return losses
        return losses.sum() if reduction == "sum" else losses.mean()

    t = _as_index_array(target, "target")
    expected = z.shape[:1] + z.shape[2:] if z.ndim >= 2 else ()
    if t.shape != expected:
        raise ValueError(f"cross_entropy: for input of shape {z.shape} the target must hold "
                         f"class indices of shape {expected} (or probabilities of shape "
                         f"{z.shape}), got shape {t.shape}")
    valid = t != ignore_index
    bad = valid & ((t < 0) | (t >= n_classes))
    if bad.any():
        raise IndexError(f"cross_entropy: target {t[bad].flat[0]} is out of bounds for "
                         f"{n_classes} classes")
    safe = np.where(valid, t, 0)
    nll = -logp.gather(-1, safe[..., None]).squeeze(-1)  # (...) = target's shape
    losses = (1 - eps) * nll - eps * logp.mean(axis=-1) if eps else nll
    mask = valid.astype(z.dtype)
    losses = losses * mask
    if reduction == "none":
        return losses
    if reduction == "sum":
        return losses.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        return losses.sum() / mask.sum()  # nan when every target is ignored, as PyTorch


def dropout(input: Any, p: float = 0.5, training: bool = True,
            rng: np.random.Generator | int | None = None) -> Tensor:
    r"""Zero each element with probability ``p`` and scale the others by :math:`1/(1-p)`.

    .. math:: y_i = \frac{m_i\, x_i}{1 - p}, \qquad m_i \sim \operatorname{Bernoulli}(1-p)

    The scaling keeps the expected value :math:`\mathbb E[y_i] = x_i`, so nothing changes at
    evaluation time (``training=False`` returns ``input`` unchanged).

    Parameters
    ----------
    input : Tensor
    p : float in [0, 1]
        The probability of dropping an element.
    training : bool
    rng : numpy Generator, int seed or None

    Raises
    ------
    ValueError
        If ``p`` is outside [0, 1].
    """
    if isinstance(p, bool) or not isinstance(p, numbers.Real) or not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability p must be in [0, 1], got {p!r}")
    x = _t(input)
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    keep = gen.random(x.shape) >= p  # (same shape as x), True with probability 1 - p
    return x * (keep.astype(x.dtype) / (1 - p))


# The convolution and pooling functions live beside their layers (groundup.nn.conv), which
# import this module; they are imported on first use here, as torch.nn.functional has them.
_CONV = ("conv2d", "max_pool2d", "avg_pool2d")


def __getattr__(name: str) -> Any:
    if name in _CONV:
        from groundup.nn import conv

        return getattr(conv, name)
    raise AttributeError(f"module 'groundup.nn.functional' has no attribute {name!r}")
