r"""Fused operations for the GPT, each one graph node with a hand-written backward pass.

The generic engine builds attention out of a dozen small nodes (reshape, permute, matmul,
mask, softmax, ...) and a linear layer on ``(B, T, C)`` inputs as a batched product whose
weight gradient is summed over the batch afterwards. Correct, but slow: every node copies its
output, and the backward passes allocate as many intermediate arrays again. Here each
operation computes its forward pass in NumPy, keeps what its backward pass needs, and returns
one node. Every function is tested against PyTorch in ``tests/reference/test_gpt.py``.

======================  =====================================================================
op                      backward, with :math:`G = \partial L / \partial\, \text{out}`
======================  =====================================================================
:func:`linear`          :math:`\partial X = G W`, :math:`\partial W = G^\top X`,
                        :math:`\partial b = \sum_n G_n` (inputs flattened to 2-D)
:func:`layer_norm`      :math:`\partial x = \frac{1}{\sigma}(g - \bar g - \hat x\,
                        \overline{g \hat x})` with :math:`g = G\gamma`
:func:`causal_attention`  softmax's :math:`\partial S = P \odot (\partial P - \sum_j
                        \partial P_j P_j)`, then the three products back
:func:`cross_entropy`   :math:`\partial z = (\operatorname{softmax}(z) - \text{onehot}(y)) / N`
======================  =====================================================================
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from groundup.nn.tensor import Grads, Tensor

__all__ = ["causal_attention", "cross_entropy", "gelu", "layer_norm", "linear"]

_SQRT_HALF = math.sqrt(0.5)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
# Abramowitz and Stegun 7.1.26: |error| < 1.5e-7 on erf, below float32's resolution.
_AS_P = 0.3275911
_AS_A = (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)


def _erf_and_gauss(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(erf(z), exp(-z**2))`` for a float32 array, by a rational approximation that is
    several times faster than ``scipy.special.erf`` and exact to float32 rounding."""
    a = np.abs(z)
    t = 1.0 / (1.0 + np.float32(_AS_P) * a)
    poly = np.full_like(t, np.float32(_AS_A[0]))
    for coef in _AS_A[1:]:  # Horner's rule
        poly *= t
        poly += np.float32(coef)
    poly *= t
    gauss = np.exp(-(a * a))
    y = 1.0 - poly * gauss
    return np.copysign(y, z, out=y), gauss


def linear(x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    r""":math:`y = x W^\top + b` for ``x`` of shape ``(..., in)``, as one 2-D product.

    Parameters
    ----------
    x : Tensor, shape (..., in_features)
    weight : Tensor, shape (out_features, in_features)
    bias : Tensor, shape (out_features,), optional

    Returns
    -------
    Tensor, shape (..., out_features)
    """
    W = weight.data
    if x.shape[-1] != W.shape[1]:
        raise ValueError(f"linear: input's last axis must have {W.shape[1]} elements, got shape "
                         f"{x.shape}")
    lead = x.shape[:-1]
    X2 = x.data.reshape(-1, W.shape[1])  # (N, in)
    out = X2 @ W.T  # (N, out)
    if bias is not None:
        out += bias.data
    parents: tuple[Tensor, ...] = (x, weight) if bias is None else (x, weight, bias)

    def backward(g: np.ndarray) -> Grads:
        G2 = g.reshape(-1, W.shape[0])  # (N, out)
        gx = (G2 @ W).reshape(x.shape) if x.requires_grad else None
        gw = G2.T @ X2 if weight.requires_grad else None
        if bias is None:
            return gx, gw
        return gx, gw, (G2.sum(axis=0) if bias.requires_grad else None)

    return Tensor._make(out.reshape(*lead, W.shape[0]), parents, backward, "linear")


def layer_norm(x: Tensor, weight: Tensor | None, bias: Tensor | None, eps: float = 1e-5
               ) -> Tensor:
    r"""Layer normalisation over the last axis, with its affine part, in one node.

    .. math:: \hat x = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}, \qquad
              y = \gamma \odot \hat x + \beta

    :math:`\mu, \sigma^2` are the mean and the biased variance over the last axis.
    """
    data = x.data
    C = data.shape[-1]
    mean = data.mean(axis=-1, keepdims=True)
    centred = data - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    inv_std = (1.0 / np.sqrt(var + eps)).astype(data.dtype)
    x_hat = centred * inv_std  # (..., C)
    out = x_hat * weight.data if weight is not None else x_hat.copy()
    if bias is not None:
        out += bias.data
    parents = tuple(t for t in (x, weight, bias) if t is not None)

    def backward(g: np.ndarray) -> Grads:
        grads: list[np.ndarray | None] = []
        gh = g * weight.data if weight is not None else g  # dL/dx_hat
        if x.requires_grad:
            gh_mean = gh.mean(axis=-1, keepdims=True)
            ghx_mean = (gh * x_hat).mean(axis=-1, keepdims=True)
            grads.append(inv_std * (gh - gh_mean - x_hat * ghx_mean))
        else:
            grads.append(None)
        if weight is not None:
            grads.append((g * x_hat).reshape(-1, C).sum(axis=0) if weight.requires_grad
                         else None)
        if bias is not None:
            grads.append(g.reshape(-1, C).sum(axis=0) if bias.requires_grad else None)
        return tuple(grads)

    return Tensor._make(out, parents, backward, "layer_norm")


_MASKS: dict[tuple[int, Any], np.ndarray] = {}


def _causal_bias(T: int, dtype: Any) -> np.ndarray:
    """``(T, T)``: 0 on and below the diagonal, ``-inf`` above (the future)."""
    key = (T, np.dtype(dtype))
    if key not in _MASKS:
        _MASKS[key] = np.triu(np.full((T, T), -np.inf, dtype=dtype), k=1)
    return _MASKS[key]


def causal_attention(qkv: Tensor, n_head: int, dropout: float = 0.0, training: bool = False,
                     rng: np.random.Generator | None = None) -> Tensor:
    r"""Multi-head causal self-attention from the fused ``q, k, v`` projections, one node.

    .. math:: \operatorname{head}_h = \operatorname{softmax}\!\Big(\frac{Q_h K_h^\top}
              {\sqrt{d}} + M\Big) V_h, \qquad M_{ts} = -\infty \text{ for } s > t

    Parameters
    ----------
    qkv : Tensor, shape (B, T, 3C)
        ``[q | k | v]`` side by side, as nanoGPT's ``c_attn`` gives them.
    n_head : int
        :math:`H`; each head has :math:`d = C / H` dimensions.
    dropout : float
        Probability of dropping an attention weight while ``training``.
    rng : numpy Generator, optional
        For the dropout mask.

    Returns
    -------
    Tensor, shape (B, T, C)
        The heads side by side (before the output projection ``c_proj``).
    """
    B, T, C3 = qkv.shape
    C = C3 // 3
    if C3 != 3 * C or C % n_head:
        raise ValueError(f"qkv's last axis ({C3}) must be 3 * C with C divisible by n_head "
                         f"({n_head})")
    hs = C // n_head
    scale = 1.0 / math.sqrt(hs)
    # (B, T, 3, H, hs) -> (3, B, H, T, hs)
    q, k, v = qkv.data.reshape(B, T, 3, n_head, hs).transpose(2, 0, 3, 1, 4)
    scores = (q @ k.transpose(0, 1, 3, 2)) * np.asarray(scale, qkv.dtype)  # (B, H, T, T)
    scores += _causal_bias(T, qkv.dtype)
    scores -= scores.max(axis=-1, keepdims=True)
    P = np.exp(scores, out=scores)
    P /= P.sum(axis=-1, keepdims=True)  # (B, H, T, T), rows sum to 1
    keep = None
    if training and dropout > 0:
        gen = rng if rng is not None else np.random.default_rng()
        keep = (gen.random(P.shape) >= dropout).astype(P.dtype) / (1 - dropout)
        A = P * keep
    else:
        A = P
    y = A @ v  # (B, H, T, hs)
    out = y.transpose(0, 2, 1, 3).reshape(B, T, C)  # (B, T, C)

    def backward(g: np.ndarray) -> Grads:
        gy = g.reshape(B, T, n_head, hs).transpose(0, 2, 1, 3)  # (B, H, T, hs)
        gv = A.transpose(0, 1, 3, 2) @ gy  # (B, H, T, hs)
        gA = gy @ v.transpose(0, 1, 3, 2)  # (B, H, T, T)
        gP = gA * keep if keep is not None else gA
        gS = P * (gP - (gP * P).sum(axis=-1, keepdims=True))  # softmax backward
        gS *= np.asarray(scale, g.dtype)
        gq = gS @ k  # (B, H, T, hs)
        gk = gS.transpose(0, 1, 3, 2) @ q
        gqkv = np.stack([gq, gk, gv])  # (3, B, H, T, hs)
        return (gqkv.transpose(1, 3, 0, 2, 4).reshape(B, T, C3),)

    return Tensor._make(out, (qkv,), backward, "causal_attention")


def gelu(x: Tensor) -> Tensor:
    r"""The exact GELU :math:`x\,\Phi(x) = \frac x2 (1 + \operatorname{erf}(x/\sqrt2))`, one
    node; :math:`\partial/\partial x = \Phi(x) + x\,\varphi(x)`.

    float64 uses SciPy's ``erf``; float32 a faster approximation exact to float32 rounding
    (the same values as PyTorch's ``gelu`` to about 1e-7).
    """
    data = x.data
    if data.dtype == np.float32:
        erf_z, gauss = _erf_and_gauss(data * np.float32(_SQRT_HALF))
        pdf = gauss * np.float32(_INV_SQRT_2PI)  # exp(-x^2/2) / sqrt(2 pi)
    else:
        from scipy.special import erf

        erf_z = erf(data * _SQRT_HALF)
        pdf = np.exp(-0.5 * data * data) * _INV_SQRT_2PI
    cdf = 0.5 * (1.0 + erf_z)
    out = data * cdf

    def backward(g: np.ndarray) -> Grads:
        return (g * (cdf + data * pdf),)

    return Tensor._make(out.astype(data.dtype, copy=False), (x,), backward, "gelu")


def cross_entropy(logits: Tensor, targets: Any) -> Tensor:
    r"""The mean of :math:`-\log \operatorname{softmax}(z_n)_{y_n}` over rows, one node.

    Parameters
    ----------
    logits : Tensor, shape (N, V)
    targets : int array, shape (N,)

    Returns
    -------
    Tensor, a scalar
    """
    z = logits.data
    t = np.asarray(targets)
    N, V = z.shape
    if t.shape != (N,) or not np.issubdtype(t.dtype, np.integer):
        raise ValueError(f"targets must be {N} integer ids, got shape {t.shape}, dtype {t.dtype}")
    if N and (t.min() < 0 or t.max() >= V):
        raise ValueError(f"targets must be in [0, {V})")
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    sums = e.sum(axis=1, keepdims=True)
    logp_target = shifted[np.arange(N), t] - np.log(sums[:, 0])
    loss = np.asarray(-logp_target.mean(), dtype=z.dtype)

    def backward(g: np.ndarray) -> Grads:
        grad = e / sums
        grad[np.arange(N), t] -= 1
        grad *= g / N
        return (grad.astype(z.dtype, copy=False),)

    return Tensor._make(loss, (logits,), backward, "cross_entropy")
