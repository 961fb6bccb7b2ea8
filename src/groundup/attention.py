r"""Attention and the transformer block, on the ``groundup.nn`` tensor engine (phase 5).

Attention is a *soft* dictionary lookup. Each query asks "which keys look like me?", gets one
weight per key from a softmax over the scores :math:`q \cdot k / \sqrt{d}`, and returns the
weighted average of the values:

.. math:: \operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\Big(\frac{QK^\top}
          {\sqrt{d}} + M\Big) V

where :math:`M` is 0 where a query may look and :math:`-\infty` where it may not (a *mask*;
the *causal* mask stops a position from seeing the future).

What is here, each checked against PyTorch in ``tests/reference/test_attention.py``:

==========================================  ===============================================
groundup                                    PyTorch
==========================================  ===============================================
:func:`scaled_dot_product_attention`        ``torch.nn.functional.scaled_dot_product_attention``
:func:`causal_mask`                         ``torch.ones(T, S, dtype=bool).tril()``
:class:`MultiHeadAttention`                 ``torch.nn.MultiheadAttention(batch_first=True)``
:func:`layer_norm`                          ``torch.nn.functional.layer_norm``
:class:`TransformerBlock`                   ``torch.nn.TransformerEncoderLayer(norm_first=True,
                                            activation="gelu", dropout=0, batch_first=True)``
==========================================  ===============================================

The functions take groundup :class:`~groundup.nn.Tensor` s (and return Tensors that
backpropagate) or NumPy arrays (and return NumPy arrays). The modules use PyTorch's parameter
names, so a ``state_dict`` moves across unchanged (:func:`to_torch_multihead`,
:func:`from_torch_multihead`, :func:`to_torch_block`, :func:`from_torch_block`).

Masks follow PyTorch, which has **two conventions**: for :func:`scaled_dot_product_attention`
a boolean ``True`` means "may attend"; for :class:`MultiHeadAttention` (as
``torch.nn.MultiheadAttention``'s ``attn_mask``) ``True`` means "masked out". A floating mask
is added to the scores in both. A query that may attend to nothing gets an output of zeros (as
``scaled_dot_product_attention`` does), not NaN.

Examples
--------
>>> rng = np.random.default_rng(0)
>>> X = rng.normal(size=(2, 5, 8))                      # (N, T, E)
>>> scaled_dot_product_attention(X, X, X, is_causal=True).shape
(2, 5, 8)
>>> block = TransformerBlock(8, num_heads=2, dtype=np.float64, rng=0)
>>> block(Tensor(X), is_causal=True).shape
(2, 5, 8)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from groundup.nn import functional as F  # noqa: N812  (the PyTorch convention)
from groundup.nn.modules import GELU, Linear, Module, Parameter
from groundup.nn.normalization import LayerNorm, standardize
from groundup.nn.tensor import Tensor, no_grad

__all__ = ["LearnedPositionalEmbedding", "MultiHeadAttention", "SinusoidalPositionalEncoding",
           "TransformerBlock", "attention_backward", "attention_weights", "causal_mask",
           "from_torch_block", "from_torch_multihead", "layer_norm", "merge_heads",
           "multi_head_self_attention", "scaled_dot_product_attention",
           "sinusoidal_positional_encoding", "split_heads", "to_torch_block",
           "to_torch_multihead", "transformer_block"]


# -------------------------------------------------------------------------------------------
# helpers: NumPy in, NumPy out; Tensors in, Tensors out


def _is_tensor_call(*xs: Any) -> bool:
    return any(isinstance(x, Tensor) for x in xs)


def _float_array(x: Any, name: str) -> np.ndarray:
    arr = np.asarray(x)
    if arr.dtype == bool or arr.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold numbers, got dtype {arr.dtype}")
    return arr if arr.dtype.kind == "f" else arr.astype(np.float64)


def _lift(x: Any, name: str) -> Tensor:
    return x if isinstance(x, Tensor) else Tensor(_float_array(x, name))


def _positive_int(n: object, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"{name} must be a positive integer, got {n!r}")
    return int(n)


def _swap_last_two_but_one(x: Any) -> Any:
    """Swap axes -3 and -2 of a Tensor or an array."""
    return x.transpose(-3, -2) if isinstance(x, Tensor) else np.swapaxes(x, -3, -2)


def _torch() -> Any:
    try:
        import torch
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("this needs PyTorch, which is not installed: "
                          "pip install 'groundup[torch]' (the CPU build)") from err
    return torch


# -------------------------------------------------------------------------------------------
# masks and scaled dot-product attention


def causal_mask(T: int, S: int | None = None) -> np.ndarray:  # noqa: N803
    r"""The causal mask: query :math:`i` may attend to key :math:`j` only when :math:`j \le i`.

    .. math:: M_{ij} = [\, j \le i \,]

    Parameters
    ----------
    T : int
        Number of queries (positions).
    S : int, optional
        Number of keys; defaults to ``T``. The mask is aligned at the top left, as PyTorch's
        ``is_causal=True``.

    Returns
    -------
    np.ndarray of bool, shape (T, S)
        ``True`` where attending is allowed (the lower triangle, diagonal included).

    Raises
    ------
    ValueError
        If ``T`` or ``S`` is not a positive integer.

    Examples
    --------
    >>> causal_mask(3).astype(int)
    array([[1, 0, 0],
           [1, 1, 0],
           [1, 1, 1]])
    """
    T = _positive_int(T, "T")  # noqa: N806
    S = T if S is None else _positive_int(S, "S")  # noqa: N806
    return np.tril(np.ones((T, S), dtype=bool))


def _additive_mask(mask: Any, is_causal: bool, L: int, S: int, dtype: Any,  # noqa: N803
                   true_means_attend: bool = True) -> np.ndarray | None:
    """The mask as 0 / -inf (or the given floats) to add to the scores, or None."""
    if is_causal and mask is not None:
        raise ValueError("give either mask or is_causal=True, not both")
    if is_causal:
        allowed = causal_mask(L, S)
    elif mask is None:
        return None
    else:
        m = mask.data if isinstance(mask, Tensor) else np.asarray(mask)
        if m.dtype == bool:
            allowed = m if true_means_attend else ~m
        elif m.dtype.kind == "f":
            bias = m.astype(dtype, copy=False)
            if bias.ndim < 2 or bias.shape[-2:] != (L, S):
                raise ValueError(f"mask must have shape (..., L, S) = (..., {L}, {S}), got "
                                 f"{bias.shape}")
            return bias
        else:
            raise ValueError(f"mask must be boolean or floating point, got dtype {m.dtype}")
        if allowed.ndim < 2 or allowed.shape[-2:] != (L, S):
            raise ValueError(f"mask must have shape (..., L, S) = (..., {L}, {S}), got "
                             f"{allowed.shape}")
    return np.where(allowed, 0.0, -np.inf).astype(dtype)


def _check_qkv(q: Tensor, k: Tensor, v: Tensor) -> None:
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        raise ValueError(f"query, key and value must have at least 2 axes (..., L, E), got "
                         f"shapes {q.shape}, {k.shape}, {v.shape}")
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(f"query and key must have the same last axis (the embedding size E), "
                         f"got {q.shape} and {k.shape}")
    if q.shape[-1] == 0:
        raise ValueError("the embedding size E must be at least 1")
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(f"key and value must have the same number of positions S (axis -2), "
                         f"got {k.shape} and {v.shape}")
    if k.shape[-2] == 0 or q.shape[-2] == 0:
        raise ValueError("attention needs at least one query and one key")
    try:
        np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    except ValueError:
        raise ValueError(f"the batch axes of query {q.shape}, key {k.shape} and value {v.shape} "
                         f"cannot be broadcast together") from None


def _weights(q: Tensor, k: Tensor, bias: np.ndarray | None, scale: float | None) -> Tensor:
    """softmax(q k^T * scale + bias) along the keys; rows with no allowed key are zeros."""
    s = 1.0 / math.sqrt(q.shape[-1]) if scale is None else float(scale)
    scores = (q @ k.transpose(-2, -1)) * s  # (..., L, S)
    if bias is None:
        return scores.softmax(-1)
    full = np.broadcast_to(bias, np.broadcast_shapes(bias.shape, scores.shape))
    dead = np.all(np.isneginf(full), axis=-1, keepdims=True)  # (..., L, 1)
    if not dead.any():
        return (scores + bias).softmax(-1)
    # A query that may look nowhere: softmax over -inf only is 0/0. Score it on zeros instead
    # and multiply its weights by 0, as torch's scaled_dot_product_attention does.
    safe = np.where(dead, 0.0, full).astype(scores.dtype)
    return (scores + safe).softmax(-1) * (~dead).astype(scores.dtype)


def attention_weights(q: Any, k: Any, mask: Any = None, is_causal: bool = False,
                      scale: float | None = None) -> Any:
    r"""The attention weights :math:`\operatorname{softmax}(QK^\top/\sqrt{d} + M)`.

    Parameters
    ----------
    q : Tensor or array, shape (..., L, E)
    k : Tensor or array, shape (..., S, E)
    mask, is_causal, scale
        As in :func:`scaled_dot_product_attention`.

    Returns
    -------
    Tensor or np.ndarray, shape (..., L, S)
        Each row sums to 1 (or is all zeros where the mask allows no key).
    """
    tensor_call = _is_tensor_call(q, k)
    qt, kt = _lift(q, "q"), _lift(k, "k")
    _check_qkv(qt, kt, kt)
    bias = _additive_mask(mask, is_causal, qt.shape[-2], kt.shape[-2],
                          np.result_type(qt.dtype, kt.dtype))
    if tensor_call:
        return _weights(qt, kt, bias, scale)
    with no_grad():
        return _weights(qt, kt, bias, scale).data


def scaled_dot_product_attention(q: Any, k: Any, v: Any, mask: Any = None,
                                 is_causal: bool = False, scale: float | None = None) -> Any:
    r"""Scaled dot-product attention, as ``torch.nn.functional.scaled_dot_product_attention``.

    .. math:: \operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\Big(
              \frac{QK^\top}{\sqrt{E}} + M\Big) V

    Parameters
    ----------
    q : Tensor or array_like, shape (..., L, E)
        Queries.
    k : Tensor or array_like, shape (..., S, E)
        Keys.
    v : Tensor or array_like, shape (..., S, Ev)
        Values.
    mask : array_like, shape broadcastable to (..., L, S), optional
        Boolean: ``True`` where a query **may** attend (PyTorch's ``attn_mask`` of
        ``scaled_dot_product_attention``). Floating: added to the scores (0 or ``-inf``).
    is_causal : bool, default False
        Apply :func:`causal_mask` (not together with ``mask``).
    scale : float, optional
        Defaults to :math:`1/\sqrt{E}`.

    Returns
    -------
    Tensor or np.ndarray, shape (..., L, Ev)
        A Tensor (with gradients) if any input is a Tensor; else a NumPy array. A query with
        no allowed key gets zeros.

    Raises
    ------
    ValueError
        If the shapes do not fit, or both ``mask`` and ``is_causal`` are given.

    Examples
    --------
    >>> Q = np.array([[1.0, 0.0]]); K = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> V = np.array([[10.0], [20.0]])
    >>> scaled_dot_product_attention(Q, K, V).round(3)   # leans towards the first key
    array([[13.302]])
    """
    tensor_call = _is_tensor_call(q, k, v)
    qt, kt, vt = _lift(q, "q"), _lift(k, "k"), _lift(v, "v")
    _check_qkv(qt, kt, vt)
    bias = _additive_mask(mask, is_causal, qt.shape[-2], kt.shape[-2],
                          np.result_type(qt.dtype, kt.dtype))
    if tensor_call:
        return _weights(qt, kt, bias, scale) @ vt
    with no_grad():
        return (_weights(qt, kt, bias, scale) @ vt).data


def attention_backward(Q: Any, K: Any, V: Any, dO: Any,  # noqa: N803
                       is_causal: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The gradients of attention by hand: :math:`(\partial L/\partial Q, \partial L/\partial
    K, \partial L/\partial V)` given :math:`G = \partial L / \partial O`.

    With :math:`S = QK^\top/\sqrt{E}`, :math:`P = \operatorname{softmax}(S)` (row-wise,
    masked) and :math:`O = PV`:

    .. math:: \frac{\partial L}{\partial V} = P^\top G, \quad
              \frac{\partial L}{\partial P} = G V^\top, \quad
              \frac{\partial L}{\partial S} = P \odot \Big(\frac{\partial L}{\partial P}
              - \operatorname{rowsum}\big(\tfrac{\partial L}{\partial P} \odot P\big)\Big),

    .. math:: \frac{\partial L}{\partial Q} = \frac{1}{\sqrt{E}} \frac{\partial L}{\partial S}
              K, \qquad \frac{\partial L}{\partial K} = \frac{1}{\sqrt{E}}
              \Big(\frac{\partial L}{\partial S}\Big)^{\!\top} Q.

    Parameters
    ----------
    Q : array_like, shape (..., L, E)
    K : array_like, shape (..., S, E)
    V : array_like, shape (..., S, Ev)
    dO : array_like, shape (..., L, Ev)
        The upstream gradient :math:`\partial L / \partial O`.
    is_causal : bool, default False

    Returns
    -------
    (dQ, dK, dV) : tuple of np.ndarray, the shapes of Q, K and V

    Raises
    ------
    ValueError
        If the shapes do not fit.
    """
    Q, K, V, G = (_float_array(a, n).astype(np.float64) for a, n in  # noqa: N806
                  ((Q, "Q"), (K, "K"), (V, "V"), (dO, "dO")))
    _check_qkv(Tensor(Q), Tensor(K), Tensor(V))
    if G.shape[-2:] != (Q.shape[-2], V.shape[-1]):
        raise ValueError(f"dO must have shape (..., L, Ev) = (..., {Q.shape[-2]}, "
                         f"{V.shape[-1]}), got {G.shape}")
    scale = 1.0 / math.sqrt(Q.shape[-1])
    S = Q @ np.swapaxes(K, -1, -2) * scale  # noqa: N806  (..., L, S)
    if is_causal:
        S = np.where(causal_mask(Q.shape[-2], K.shape[-2]), S, -np.inf)  # noqa: N806
    P = np.exp(S - S.max(axis=-1, keepdims=True))  # noqa: N806
    P /= P.sum(axis=-1, keepdims=True)
    dV = np.swapaxes(P, -1, -2) @ G  # noqa: N806
    dP = G @ np.swapaxes(V, -1, -2)  # noqa: N806
    dS = P * (dP - (dP * P).sum(axis=-1, keepdims=True))  # noqa: N806
    dQ = dS @ K * scale  # noqa: N806
    dK = np.swapaxes(dS, -1, -2) @ Q * scale  # noqa: N806
    # Batch axes that were broadcast: sum the gradient back to each input's shape.
    return (_sum_to(dQ, Q.shape), _sum_to(dK, K.shape), _sum_to(dV, V.shape))


def _sum_to(g: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    return g.sum(axis=axes, keepdims=True) if axes else g


# -------------------------------------------------------------------------------------------
# multi-head attention


def split_heads(x: Any, num_heads: int) -> Any:
    r"""Cut the embedding axis into heads: ``(..., T, E)`` to ``(..., H, T, E/H)``.

    Head :math:`h` gets the columns :math:`hD, \dots, (h+1)D - 1` with :math:`D = E/H`.

    Raises
    ------
    ValueError
        If ``num_heads`` does not divide ``E``, or ``x`` has fewer than 2 axes.

    Examples
    --------
    >>> split_heads(np.arange(8.0).reshape(1, 2, 4), 2)[0, 1]   # head 1: columns 2, 3
    array([[2., 3.],
           [6., 7.]])
    """
    num_heads = _positive_int(num_heads, "num_heads")
    x = x if isinstance(x, Tensor) else np.asarray(x)
    if x.ndim < 2:
        raise ValueError(f"split_heads needs (..., T, E), got shape {x.shape}")
    *lead, T, E = x.shape  # noqa: N806
    if E % num_heads:
        raise ValueError(f"num_heads = {num_heads} must divide the embedding size E = {E}")
    x = x.reshape(*lead, T, num_heads, E // num_heads)  # (..., T, H, D)
    return _swap_last_two_but_one(x)  # (..., H, T, D)


def merge_heads(x: Any) -> Any:
    """Put the heads back side by side: ``(..., H, T, D)`` to ``(..., T, H*D)``; the inverse
    of :func:`split_heads`.

    Raises
    ------
    ValueError
        If ``x`` has fewer than 3 axes.
    """
    x = x if isinstance(x, Tensor) else np.asarray(x)
    if x.ndim < 3:
        raise ValueError(f"merge_heads needs (..., H, T, D), got shape {x.shape}")
    *lead, H, T, D = x.shape  # noqa: N806
    x = _swap_last_two_but_one(x)  # (..., T, H, D)
    return x.reshape(*lead, T, H * D)


def _project_heads(q_in: Tensor, k_in: Tensor, v_in: Tensor, W: Tensor,  # noqa: N803
                   b: Tensor | None, num_heads: int) -> tuple[Tensor, Tensor, Tensor]:
    """The three input projections of torch's packed ``in_proj_weight``, split into heads."""
    E = W.shape[1]  # noqa: N806
    if q_in is k_in and k_in is v_in:  # self-attention: one matrix product for q, k and v
        qkv = F.linear(q_in, W, b)  # (N, T, 3E)
        q, k, v = qkv[..., :E], qkv[..., E:2 * E], qkv[..., 2 * E:]
    else:
        parts = [F.linear(x, W[i * E:(i + 1) * E], None if b is None else b[i * E:(i + 1) * E])
                 for i, x in enumerate((q_in, k_in, v_in))]
        q, k, v = parts
    return split_heads(q, num_heads), split_heads(k, num_heads), split_heads(v, num_heads)


def _check_mha_weights(E: int, num_heads: int, W_in: Tensor, b_in: Tensor | None,  # noqa: N803
                       W_out: Tensor, b_out: Tensor | None) -> None:
    if W_in.shape != (3 * E, E):
        raise ValueError(f"in_proj_weight must have shape (3E, E) = {(3 * E, E)}, got "
                         f"{W_in.shape}")
    if b_in is not None and b_in.shape != (3 * E,):
        raise ValueError(f"in_proj_bias must have shape (3E,) = ({3 * E},), got {b_in.shape}")
    if W_out.shape != (E, E):
        raise ValueError(f"out_proj_weight must have shape (E, E) = {(E, E)}, got {W_out.shape}")
    if b_out is not None and b_out.shape != (E,):
        raise ValueError(f"out_proj_bias must have shape (E,) = ({E},), got {b_out.shape}")
    if E % num_heads:
        raise ValueError(f"num_heads = {num_heads} must divide the embedding size E = {E}")


def multi_head_self_attention(X: Any, in_proj_weight: Any, in_proj_bias: Any,  # noqa: N803
                              out_proj_weight: Any, out_proj_bias: Any, num_heads: int,
                              is_causal: bool = False, mask: Any = None) -> Any:
    r"""Multi-head self-attention with ``torch.nn.MultiheadAttention``'s weights.

    .. math:: [Q\;K\;V] = X W_{in}^\top + b_{in}, \qquad
              \text{head}_h = \operatorname{Attention}(Q_h, K_h, V_h), \qquad
              Y = [\text{head}_1 \dots \text{head}_H]\, W_{out}^\top + b_{out}

    where :math:`Q_h` is the :math:`h`-th block of :math:`D = E/H` columns of :math:`Q`.

    Parameters
    ----------
    X : Tensor or array_like, shape (N, T, E)
    in_proj_weight : shape (3E, E)
        :math:`W_q, W_k, W_v` stacked, in that order (``in_proj_weight``).
    in_proj_bias : shape (3E,), or None
    out_proj_weight : shape (E, E)
    out_proj_bias : shape (E,), or None
    num_heads : int
        Must divide E.
    is_causal : bool, default False
    mask : optional
        As in :func:`scaled_dot_product_attention` (boolean ``True`` = may attend).

    Returns
    -------
    Tensor or np.ndarray, shape (N, T, E)

    Raises
    ------
    ValueError
        If the shapes do not fit or ``num_heads`` does not divide E.
    """
    tensor_call = _is_tensor_call(X, in_proj_weight, in_proj_bias, out_proj_weight,
                                  out_proj_bias)
    num_heads = _positive_int(num_heads, "num_heads")
    x = _lift(X, "X")
    W_in, W_out = _lift(in_proj_weight, "in_proj_weight"), _lift(out_proj_weight,  # noqa: N806
                                                                 "out_proj_weight")
    b_in = None if in_proj_bias is None else _lift(in_proj_bias, "in_proj_bias")
    b_out = None if out_proj_bias is None else _lift(out_proj_bias, "out_proj_bias")
    if x.ndim != 3:
        raise ValueError(f"X must be (N, T, E), got shape {x.shape}")
    _check_mha_weights(x.shape[-1], num_heads, W_in, b_in, W_out, b_out)

    def run() -> Tensor:
        q, k, v = _project_heads(x, x, x, W_in, b_in, num_heads)  # (N, H, T, D) each
        bias = _additive_mask(mask, is_causal, x.shape[1], x.shape[1], q.dtype)
        heads = _weights(q, k, bias, None) @ v  # (N, H, T, D)
        return F.linear(merge_heads(heads), W_out, b_out)  # (N, T, E)

    if tensor_call:
        return run()
    with no_grad():
        return run().data


def _xavier_uniform(gen: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    bound = math.sqrt(6.0 / (shape[0] + shape[1]))
    return gen.uniform(-bound, bound, size=shape)


class MultiHeadAttention(Module):
    r"""Multi-head attention, as ``torch.nn.MultiheadAttention(..., batch_first=True)``.

    Parameters
    ----------
    embed_dim : int
        E, the size of each token's vector.
    num_heads : int
        H; must divide E. Each head attends with :math:`D = E/H` numbers per token.
    bias : bool, default True
        Learn ``in_proj_bias`` and ``out_proj.bias`` (zeros at first, as PyTorch).
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None

    Attributes
    ----------
    in_proj_weight : Parameter, shape (3E, E)
        :math:`W_q, W_k, W_v` stacked (Xavier-uniform initialisation, as PyTorch).
    in_proj_bias : Parameter, shape (3E,), or None
    out_proj : Linear(E, E)

    Notes
    -----
    The ``state_dict`` keys are PyTorch's (``in_proj_weight``, ``in_proj_bias``,
    ``out_proj.weight``, ``out_proj.bias``): see :func:`to_torch_multihead` and
    :func:`from_torch_multihead`. No dropout, no ``key_padding_mask``, no ``kdim``/``vdim``.
    """

    embed_dim: int
    num_heads: int
    head_dim: int
    in_proj_weight: Parameter
    in_proj_bias: Parameter | None
    out_proj: Linear

    def __init__(self, embed_dim: int, num_heads: int, bias: bool = True,
                 dtype: Any = np.float32, rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        self.embed_dim = _positive_int(embed_dim, "embed_dim")
        self.num_heads = _positive_int(num_heads, "num_heads")
        if self.embed_dim % self.num_heads:
            raise ValueError(f"num_heads = {num_heads} must divide embed_dim = {embed_dim}")
        self.head_dim = self.embed_dim // self.num_heads
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        E = self.embed_dim  # noqa: N806
        self.in_proj_weight = Parameter(_xavier_uniform(gen, (3 * E, E)), dtype=dtype)
        if bias:
            self.in_proj_bias = Parameter(np.zeros(3 * E), dtype=dtype)
        else:
            object.__setattr__(self, "in_proj_bias", None)
        self.out_proj = Linear(E, E, bias=bias, dtype=dtype, rng=gen)
        if self.out_proj.bias is not None:
            self.out_proj.bias.data[:] = 0.0

    def forward(self, query: Any, key: Any = None, value: Any = None, attn_mask: Any = None,
                need_weights: bool = True, average_attn_weights: bool = True,
                is_causal: bool = False) -> tuple[Tensor, Tensor | None]:
        r"""Attend from ``query`` to ``key``/``value`` (both default to ``query``).

        Parameters
        ----------
        query : Tensor, shape (N, L, E) or (L, E)
        key, value : Tensor, shape (N, S, E) or (S, E), optional
        attn_mask : array_like, shape (L, S) or (N*H, L, S), optional
            As ``torch.nn.MultiheadAttention``: boolean ``True`` where attending is **not**
            allowed; floating values are added to the scores.
        need_weights : bool, default True
            Also return the attention weights.
        average_attn_weights : bool, default True
            Average the weights over the heads: (N, L, S); else (N, H, L, S).
        is_causal : bool, default False
            Use the causal mask (here it needs no ``attn_mask``; PyTorch wants both).

        Returns
        -------
        (Tensor, Tensor or None)
            The output, shape of ``query``, and the weights (or None).
        """
        q_in = _lift(query, "query")
        k_in = q_in if key is None else _lift(key, "key")
        v_in = k_in if value is None else _lift(value, "value")
        unbatched = q_in.ndim == 2
        if unbatched:
            q_in, k_in, v_in = (t.unsqueeze(0) for t in (q_in, k_in, v_in))
            if key is None and value is None:
                k_in = v_in = q_in
        for name, t in (("query", q_in), ("key", k_in), ("value", v_in)):
            if t.ndim != 3 or t.shape[-1] != self.embed_dim:
                raise ValueError(f"{name} must be (N, T, {self.embed_dim}) or "
                                 f"(T, {self.embed_dim}), got shape {t.shape}")
        N, L, S = q_in.shape[0], q_in.shape[1], k_in.shape[1]  # noqa: N806
        if k_in.shape[:2] != v_in.shape[:2]:
            raise ValueError(f"key and value must have the same (N, S), got {k_in.shape} and "
                             f"{v_in.shape}")
        q, k, v = _project_heads(q_in, k_in, v_in, self.in_proj_weight, self.in_proj_bias,
                                 self.num_heads)  # (N, H, L or S, D)
        mask = attn_mask
        if mask is not None:
            m = np.asarray(mask.data if isinstance(mask, Tensor) else mask)
            if m.ndim == 3:  # torch's (N*H, L, S)
                if m.shape[0] != N * self.num_heads:
                    raise ValueError(f"a 3-D attn_mask must be (N*H, L, S) = "
                                     f"({N * self.num_heads}, {L}, {S}), got {m.shape}")
                m = m.reshape(N, self.num_heads, L, S)
            mask = m
        bias = _additive_mask(mask, is_causal, L, S, q.dtype, true_means_attend=False)
        weights = _weights(q, k, bias, None)  # (N, H, L, S)
        out = self.out_proj(merge_heads(weights @ v))  # (N, L, E)
        w: Tensor | None = None
        if need_weights:
            w = weights.mean(axis=1) if average_attn_weights else weights
        if unbatched:
            out = out.squeeze(0)
            w = None if w is None else w.squeeze(0)
        return out, w

    def extra_repr(self) -> str:
        return (f"embed_dim={self.embed_dim}, num_heads={self.num_heads}, "
                f"bias={self.in_proj_bias is not None}")


def to_torch_multihead(mha: MultiHeadAttention) -> Any:
    """A ``torch.nn.MultiheadAttention(batch_first=True)`` holding ``mha``'s weights (same
    dtype)."""
    from groundup.nn.torch_bridge import load_into_torch

    torch = _torch()
    theirs = torch.nn.MultiheadAttention(
        mha.embed_dim, mha.num_heads, bias=mha.in_proj_bias is not None, batch_first=True,
        dtype=getattr(torch, str(mha.in_proj_weight.dtype)))
    load_into_torch(mha, theirs)
    return theirs


def from_torch_multihead(module: Any) -> MultiHeadAttention:
    """A :class:`MultiHeadAttention` holding the weights of a ``torch.nn.MultiheadAttention``
    (built with ``batch_first=True``, equal ``kdim``/``vdim``, no ``add_bias_kv``).

    Raises
    ------
    ValueError
        If the torch module has separate q/k/v projection weights or extra biases.
    """
    from groundup.nn.torch_bridge import from_torch_state_dict

    if not getattr(module, "_qkv_same_embed_dim", True) or module.bias_k is not None:
        raise ValueError("only torch MultiheadAttention with kdim = vdim = embed_dim and no "
                         "add_bias_kv can be converted")
    state = from_torch_state_dict(module)
    ours = MultiHeadAttention(module.embed_dim, module.num_heads,
                              bias=module.in_proj_bias is not None,
                              dtype=state["in_proj_weight"].dtype)
    ours.load_state_dict(state)
    return ours


# -------------------------------------------------------------------------------------------
# positions


def sinusoidal_positional_encoding(T: int, d_model: int, base: float = 10000.0  # noqa: N803
                                   ) -> np.ndarray:
    r"""The sinusoidal position encoding of *Attention Is All You Need*.

    .. math:: PE_{t, 2i} = \sin\!\Big(\frac{t}{\text{base}^{2i/d}}\Big), \qquad
              PE_{t, 2i+1} = \cos\!\Big(\frac{t}{\text{base}^{2i/d}}\Big)

    for positions :math:`t = 0, \dots, T-1` and :math:`i = 0, \dots, d/2 - 1`: each pair of
    columns is a clock ticking at its own speed, from one turn every :math:`2\pi` positions
    down to one every :math:`2\pi \cdot \text{base}` positions.

    Parameters
    ----------
    T : int
        Number of positions (at least 1).
    d_model : int
        Embedding size; must be even (sines and cosines come in pairs).
    base : float, default 10000.0

    Returns
    -------
    np.ndarray, shape (T, d_model), float64

    Raises
    ------
    ValueError
        If ``T`` < 1, ``d_model`` is not a positive even integer, or ``base`` <= 0.

    Examples
    --------
    >>> sinusoidal_positional_encoding(2, 4).round(3)
    array([[0.   , 1.   , 0.   , 1.   ],
           [0.841, 0.54 , 0.01 , 1.   ]])
    """
    T = _positive_int(T, "T")  # noqa: N806
    d_model = _positive_int(d_model, "d_model")
    if d_model % 2:
        raise ValueError(f"d_model must be even (sines and cosines come in pairs), got {d_model}")
    if not isinstance(base, numbers.Real) or not base > 0:
        raise ValueError(f"base must be a positive number, got {base!r}")
    t = np.arange(T, dtype=np.float64)[:, None]  # (T, 1)
    freq = float(base) ** (-np.arange(0, d_model, 2, dtype=np.float64) / d_model)  # (d/2,)
    pe = np.empty((T, d_model))
    pe[:, 0::2] = np.sin(t * freq)
    pe[:, 1::2] = np.cos(t * freq)
    return pe


class SinusoidalPositionalEncoding(Module):
    """Adds :func:`sinusoidal_positional_encoding` to ``(N, T, E)`` inputs; nothing to learn.

    Parameters
    ----------
    max_len : int
        The longest sequence it will see.
    embed_dim : int
        Must be even.
    """

    def __init__(self, max_len: int, embed_dim: int, base: float = 10000.0) -> None:
        super().__init__()
        self.max_len = _positive_int(max_len, "max_len")
        self.pe = sinusoidal_positional_encoding(self.max_len, embed_dim, base)

    def forward(self, x: Tensor) -> Tensor:
        """``x + PE[:T]`` for ``x`` of shape ``(..., T, E)``."""
        x = _lift(x, "x")
        T = x.shape[-2] if x.ndim >= 2 else 0  # noqa: N806
        if x.ndim < 2 or self.max_len < T or x.shape[-1] != self.pe.shape[1]:
            raise ValueError(f"expected (..., T, {self.pe.shape[1]}) with T <= {self.max_len}, "
                             f"got shape {x.shape}")
        return x + self.pe[:T].astype(x.dtype)

    def extra_repr(self) -> str:
        return f"max_len={self.max_len}, embed_dim={self.pe.shape[1]}"


class LearnedPositionalEmbedding(Module):
    """A learned vector per position (GPT-2's ``wpe``), added to ``(N, T, E)`` inputs.

    Parameters
    ----------
    max_len : int
    embed_dim : int
    std : float, default 0.02
        The initial weights are :math:`\\mathcal N(0, \\text{std}^2)` (GPT-2's choice).

    Attributes
    ----------
    weight : Parameter, shape (max_len, embed_dim)
    """

    weight: Parameter

    def __init__(self, max_len: int, embed_dim: int, std: float = 0.02, dtype: Any = np.float32,
                 rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        self.max_len = _positive_int(max_len, "max_len")
        self.embed_dim = _positive_int(embed_dim, "embed_dim")
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        self.weight = Parameter(gen.normal(0.0, std, size=(self.max_len, self.embed_dim)),
                                dtype=dtype)

    def forward(self, x: Tensor) -> Tensor:
        """``x + weight[:T]``; the gradient of ``weight[:T]`` is the sum over the batch."""
        x = _lift(x, "x")
        if x.ndim < 2 or x.shape[-2] > self.max_len or x.shape[-1] != self.embed_dim:
            raise ValueError(f"expected (..., T, {self.embed_dim}) with T <= {self.max_len}, "
                             f"got shape {x.shape}")
        return x + self.weight[:x.shape[-2]]

    def extra_repr(self) -> str:
        return f"max_len={self.max_len}, embed_dim={self.embed_dim}"


# -------------------------------------------------------------------------------------------
# layer norm and the transformer block


def layer_norm(x: Any, weight: Any = None, bias: Any = None, eps: float = 1e-5) -> Any:
    r"""Layer normalisation over the last axis, as ``torch.nn.functional.layer_norm(x,
    (E,), weight, bias, eps)``.

    .. math:: y = \gamma \odot \frac{x - \mu}{\sqrt{\sigma^2 + \varepsilon}} + \beta

    with :math:`\mu` and :math:`\sigma^2` (the biased variance) over each row's E numbers.

    Parameters
    ----------
    x : Tensor or array_like, shape (..., E)
    weight : shape (E,), optional
        :math:`\gamma` (ones when None).
    bias : shape (E,), optional
        :math:`\beta` (zeros when None).
    eps : float, default 1e-5

    Returns
    -------
    Tensor or np.ndarray, shape of ``x``

    Raises
    ------
    ValueError
        If ``weight`` or ``bias`` is not of shape (E,), ``x`` is 0-d, or ``eps`` <= 0.
    """
    tensor_call = _is_tensor_call(x, weight, bias)
    xt = _lift(x, "x")
    if xt.ndim == 0 or xt.shape[-1] == 0:
        raise ValueError(f"layer_norm needs (..., E) with E >= 1, got shape {xt.shape}")
    if isinstance(eps, bool) or not isinstance(eps, numbers.Real) or not eps > 0:
        raise ValueError(f"eps must be a positive number, got {eps!r}")
    E = xt.shape[-1]  # noqa: N806
    params = []
    for name, p in (("weight", weight), ("bias", bias)):
        pt = None if p is None else _lift(p, name)
        if pt is not None and pt.shape != (E,):
            raise ValueError(f"{name} must have shape (E,) = ({E},), got {pt.shape}")
        params.append(pt)

    def run() -> Tensor:
        out, _, _ = standardize(xt, (xt.ndim - 1,), float(eps))
        if params[0] is not None:
            out = out * params[0]
        if params[1] is not None:
            out = out + params[1]
        return out

    if tensor_call:
        return run()
    with no_grad():
        return run().data


class TransformerBlock(Module):
    r"""A pre-norm transformer block (GPT-2's), as ``torch.nn.TransformerEncoderLayer(
    d_model, nhead, dim_feedforward, dropout=0.0, activation="gelu", batch_first=True,
    norm_first=True)``.

    .. math:: x \leftarrow x + \operatorname{MHA}(\operatorname{LN}_1(x)), \qquad
              x \leftarrow x + W_2\, \operatorname{GELU}(W_1 \operatorname{LN}_2(x) + b_1) + b_2

    Parameters
    ----------
    embed_dim : int
    num_heads : int
    dim_feedforward : int, optional
        The MLP's hidden size; ``4 * embed_dim`` by default.
    eps : float, default 1e-5
        Layer norm's epsilon.
    bias : bool, default True
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None

    Notes
    -----
    The sub-modules carry ``TransformerEncoderLayer``'s names, in its order (``self_attn``,
    ``linear1``, ``linear2``, ``norm1``, ``norm2``), so ``state_dict`` loads into it
    unchanged: :func:`to_torch_block`, :func:`from_torch_block`.
    """

    def __init__(self, embed_dim: int, num_heads: int, dim_feedforward: int | None = None,
                 eps: float = 1e-5, bias: bool = True, dtype: Any = np.float32,
                 rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        E = _positive_int(embed_dim, "embed_dim")  # noqa: N806
        hidden = 4 * E if dim_feedforward is None else _positive_int(dim_feedforward,
                                                                     "dim_feedforward")
        self.self_attn = MultiHeadAttention(E, num_heads, bias=bias, dtype=dtype, rng=gen)
        self.linear1 = Linear(E, hidden, bias=bias, dtype=dtype, rng=gen)
        self.linear2 = Linear(hidden, E, bias=bias, dtype=dtype, rng=gen)
        self.norm1 = LayerNorm(E, eps=eps, bias=bias, dtype=dtype)
        self.norm2 = LayerNorm(E, eps=eps, bias=bias, dtype=dtype)
        self.activation = GELU()
        self.embed_dim, self.num_heads, self.dim_feedforward = E, num_heads, hidden

    def forward(self, x: Tensor, attn_mask: Any = None, is_causal: bool = False) -> Tensor:
        """``x`` of shape ``(N, T, E)`` to ``(N, T, E)``; ``attn_mask`` as in
        :class:`MultiHeadAttention` (boolean ``True`` = masked out)."""
        x = _lift(x, "x")
        h = self.norm1(x)
        a, _ = self.self_attn(h, h, h, attn_mask=attn_mask, need_weights=False,
                              is_causal=is_causal)
        x = x + a
        return x + self.linear2(self.activation(self.linear1(self.norm2(x))))

    def extra_repr(self) -> str:
        return ""


def transformer_block(X: Any, params: Mapping[str, Any], num_heads: int,  # noqa: N803
                      is_causal: bool = False, eps: float = 1e-5) -> Any:
    r"""The forward pass of a pre-norm transformer block from a ``state_dict``.

    .. math:: H = X + \operatorname{MHA}(\operatorname{LN}_1(X)), \qquad
              Y = H + \operatorname{GELU}(\operatorname{LN}_2(H) W_1^\top + b_1) W_2^\top + b_2

    Parameters
    ----------
    X : array_like, shape (N, T, E)
    params : mapping of str to array
        ``torch.nn.TransformerEncoderLayer``'s ``state_dict`` keys: ``self_attn.in_proj_weight``
        (3E, E), ``self_attn.in_proj_bias`` (3E,), ``self_attn.out_proj.weight`` (E, E),
        ``self_attn.out_proj.bias`` (E,), ``linear1.weight`` (F, E), ``linear1.bias`` (F,),
        ``linear2.weight`` (E, F), ``linear2.bias`` (E,), ``norm1.weight``, ``norm1.bias``,
        ``norm2.weight``, ``norm2.bias`` (E,).
    num_heads : int
    is_causal : bool, default False
    eps : float, default 1e-5

    Returns
    -------
    np.ndarray (or Tensor if ``X`` is one), shape (N, T, E)

    Raises
    ------
    ValueError
        If a key is missing or a shape does not fit.
    """
    keys = ("self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight",
            "self_attn.out_proj.bias", "linear1.weight", "linear1.bias", "linear2.weight",
            "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias")
    if not isinstance(params, Mapping):
        raise ValueError(f"params must be a dict of arrays, got {type(params).__name__}")
    missing = [k for k in keys if k not in params]
    if missing:
        raise ValueError(f"params is missing {missing}")
    tensor_call = _is_tensor_call(X, *params.values())
    x = _lift(X, "X")
    p = {k: _lift(params[k], k) for k in keys}
    if x.ndim != 3:
        raise ValueError(f"X must be (N, T, E), got shape {x.shape}")
    E = x.shape[-1]  # noqa: N806
    hidden = p["linear1.weight"].shape[0]
    for k, shape in (("linear1.weight", (hidden, E)), ("linear1.bias", (hidden,)),
                     ("linear2.weight", (E, hidden)), ("linear2.bias", (E,))):
        if p[k].shape != shape:
            raise ValueError(f"{k} must have shape {shape}, got {p[k].shape}")

    def run() -> Tensor:
        h = layer_norm(x, p["norm1.weight"], p["norm1.bias"], eps)
        h = x + multi_head_self_attention(h, p["self_attn.in_proj_weight"],
                                          p["self_attn.in_proj_bias"],
                                          p["self_attn.out_proj.weight"],
                                          p["self_attn.out_proj.bias"], num_heads,
                                          is_causal=is_causal)
        m = layer_norm(h, p["norm2.weight"], p["norm2.bias"], eps)
        m = F.linear(F.gelu(F.linear(m, p["linear1.weight"], p["linear1.bias"])),
                     p["linear2.weight"], p["linear2.bias"])
        return h + m

    if tensor_call:
        return run()
    with no_grad():
        return run().data


def to_torch_block(block: TransformerBlock) -> Any:
    """A ``torch.nn.TransformerEncoderLayer`` (pre-norm, GELU, no dropout, batch first) holding
    ``block``'s weights."""
    from groundup.nn.torch_bridge import load_into_torch

    torch = _torch()
    theirs = torch.nn.TransformerEncoderLayer(
        block.embed_dim, block.num_heads, block.dim_feedforward, dropout=0.0,
        activation="gelu", layer_norm_eps=block.norm1.eps, batch_first=True, norm_first=True,
        bias=block.linear1.bias is not None,
        dtype=getattr(torch, str(block.linear1.weight.dtype)))
    load_into_torch(block, theirs)
    return theirs


def from_torch_block(layer: Any) -> TransformerBlock:
    """A :class:`TransformerBlock` holding a pre-norm GELU ``torch.nn.TransformerEncoderLayer``'s
    weights.

    Raises
    ------
    ValueError
        If the torch layer is post-norm (``norm_first=False``) or its activation is not GELU.
    """
    from groundup.nn.torch_bridge import from_torch_state_dict

    torch = _torch()
    if not layer.norm_first:
        raise ValueError("only pre-norm layers (norm_first=True) match TransformerBlock")
    if layer.activation is not torch.nn.functional.gelu and \
            not isinstance(layer.activation, torch.nn.GELU):
        raise ValueError("only layers with activation='gelu' match TransformerBlock")
    state = from_torch_state_dict(layer)
    E, hidden = layer.linear1.in_features, layer.linear1.out_features  # noqa: N806
    ours = TransformerBlock(E, layer.self_attn.num_heads, hidden, eps=layer.norm1.eps,
                            bias=layer.linear1.bias is not None,
                            dtype=state["linear1.weight"].dtype)
    ours.load_state_dict(state)
    return ours
