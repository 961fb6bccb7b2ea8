"""Checks for the attention exercises: the learner's NumPy against PyTorch.

The expected values come from ``torch.nn.functional.scaled_dot_product_attention``,
``torch.nn.MultiheadAttention(batch_first=True)``, ``torch.nn.functional.layer_norm``,
``torch.nn.TransformerEncoderLayer(norm_first=True, activation="gelu", dropout=0.0,
batch_first=True)`` and ``torch.autograd``, in float64, with the case's weights loaded. Where
PyTorch is not installed they come from plain NumPy written here from the definitions, and,
for gradients, central finite differences. Nothing here uses :mod:`groundup.attention`.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.special import erf

from groundup.curriculum.checks.neural import central_difference_grads
from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

TORCH_TOL = {"rtol": 1e-7, "atol": 1e-9}
FD_TOL = {"rtol": 1e-5, "atol": 1e-6}
BLOCK_KEYS = ("self_attn.in_proj_weight", "self_attn.in_proj_bias",
              "self_attn.out_proj.weight", "self_attn.out_proj.bias", "linear1.weight",
              "linear1.bias", "linear2.weight", "linear2.bias", "norm1.weight", "norm1.bias",
              "norm2.weight", "norm2.bias")


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def _torch() -> Any:
    return importlib.import_module("torch")


def _f(a: Any) -> np.ndarray:
    return np.asarray(a, dtype=float)


def _t(a: Any) -> Any:
    return _torch().from_numpy(np.ascontiguousarray(a))


# -------------------------------------------------------------------------------------------
# NumPy fallbacks (no PyTorch), written from the definitions


def _np_sdpa(Q: Any, K: Any, V: Any, allowed: np.ndarray | None = None) -> np.ndarray:
    Q, K, V = _f(Q), _f(K), _f(V)
    S = Q @ np.swapaxes(K, -1, -2) / math.sqrt(Q.shape[-1])
    if allowed is None:
        allowed = np.ones(S.shape[-2:], dtype=bool)
    allowed = np.broadcast_to(allowed, S.shape)
    S = np.where(allowed, S, -np.inf)
    dead = ~allowed.any(axis=-1, keepdims=True)
    S = np.where(dead, 0.0, S)
    P = np.exp(S - S.max(axis=-1, keepdims=True))
    P = P / P.sum(axis=-1, keepdims=True) * ~dead
    return P @ V


def _np_mha(X: Any, W_in: Any, b_in: Any, W_out: Any, b_out: Any, H: int,  # noqa: N803
            is_causal: bool) -> np.ndarray:
    X, W_in, W_out = _f(X), _f(W_in), _f(W_out)
    N, T, E = X.shape
    D = E // H
    qkv = X @ W_in.T + (0.0 if b_in is None else _f(b_in))
    heads = []
    for h in range(H):
        q, k, v = (qkv[..., j * E + h * D:j * E + (h + 1) * D] for j in range(3))
        heads.append(_np_sdpa(q, k, v, np.tril(np.ones((T, T), bool)) if is_causal else None))
    return np.concatenate(heads, axis=-1) @ W_out.T + (0.0 if b_out is None else _f(b_out))


def _np_layer_norm(X: Any, gamma: Any, beta: Any, eps: float) -> np.ndarray:
    X = _f(X)
    mu = X.mean(axis=-1, keepdims=True)
    var = ((X - mu) ** 2).mean(axis=-1, keepdims=True)
    return (X - mu) / np.sqrt(var + eps) * _f(gamma) + _f(beta)


def _np_block(X: Any, p: dict[str, Any], H: int, is_causal: bool) -> np.ndarray:  # noqa: N803
    X = _f(X)
    h = _np_layer_norm(X, p["norm1.weight"], p["norm1.bias"], 1e-5)
    X = X + _np_mha(h, p["self_attn.in_proj_weight"], p["self_attn.in_proj_bias"],
                    p["self_attn.out_proj.weight"], p["self_attn.out_proj.bias"], H, is_causal)
    m = _np_layer_norm(X, p["norm2.weight"], p["norm2.bias"], 1e-5) @ _f(p["linear1.weight"]).T \
        + _f(p["linear1.bias"])
    m = 0.5 * m * (1 + erf(m / math.sqrt(2)))
    return X + m @ _f(p["linear2.weight"]).T + _f(p["linear2.bias"])


# -------------------------------------------------------------------------------------------
# references


def ref_sdpa(Q: Any, K: Any, V: Any) -> np.ndarray:
    """``torch.nn.functional.scaled_dot_product_attention``."""
    if not torch_available():
        return _np_sdpa(Q, K, V)
    F = _torch().nn.functional  # noqa: N806
    return F.scaled_dot_product_attention(_t(_f(Q)), _t(_f(K)), _t(_f(V))).numpy()


def ref_causal_mask(T: int) -> np.ndarray:  # noqa: N803
    """``torch.ones(T, T, dtype=torch.bool).tril()``."""
    if not torch_available():
        return np.array([[j <= i for j in range(T)] for i in range(T)], dtype=bool)
    torch = _torch()
    return torch.ones(T, T, dtype=torch.bool).tril().numpy()


def ref_masked(Q: Any, K: Any, V: Any, mask: Any = None, is_causal: bool = False
               ) -> np.ndarray:
    """``scaled_dot_product_attention`` with ``attn_mask`` (True = may attend) or
    ``is_causal``."""
    if not torch_available():
        Qf = _f(Q)  # noqa: N806
        allowed = np.tril(np.ones((Qf.shape[-2], _f(K).shape[-2]), bool)) if is_causal \
            else (None if mask is None else np.asarray(mask, bool))
        return _np_sdpa(Q, K, V, allowed)
    F = _torch().nn.functional  # noqa: N806
    m = None if mask is None else _t(np.asarray(mask, dtype=bool))
    return F.scaled_dot_product_attention(_t(_f(Q)), _t(_f(K)), _t(_f(V)), attn_mask=m,
                                          is_causal=is_causal).numpy()


def ref_attention_backward(Q: Any, K: Any, V: Any, dO: Any, is_causal: bool = False  # noqa: N803
                           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(dQ, dK, dV)`` of ``L = sum(O * dO)`` by ``torch.autograd`` (central differences
    without torch)."""
    arrays = [_f(Q), _f(K), _f(V)]
    G = _f(dO)  # noqa: N806
    if not torch_available():
        def loss(a: list[np.ndarray]) -> float:
            return float((ref_masked(a[0], a[1], a[2], is_causal=is_causal) * G).sum())
        dq, dk, dv = central_difference_grads(loss, arrays)
        return dq, dk, dv
    torch = _torch()
    leaves = [torch.tensor(a, requires_grad=True) for a in arrays]
    out = torch.nn.functional.scaled_dot_product_attention(*leaves, is_causal=is_causal)
    (out * _t(G)).sum().backward()
    return leaves[0].grad.numpy(), leaves[1].grad.numpy(), leaves[2].grad.numpy()


def ref_split_heads(X: Any, num_heads: int) -> np.ndarray:
    """``X.view(N, T, H, D).transpose(1, 2)``."""
    X = _f(X)
    N, T, E = X.shape
    if not torch_available():
        return np.stack([X[..., h * (E // num_heads):(h + 1) * (E // num_heads)]
                         for h in range(num_heads)], axis=1)
    return _t(X).view(N, T, num_heads, E // num_heads).transpose(1, 2).numpy()


def ref_merge_heads(X: Any) -> np.ndarray:
    """``X.transpose(1, 2).reshape(N, T, H * D)``."""
    X = _f(X)
    N, H, T, D = X.shape
    if not torch_available():
        return np.concatenate([X[:, h] for h in range(H)], axis=-1)
    return _t(X).transpose(1, 2).reshape(N, T, H * D).numpy()


def ref_mha(X: Any, in_proj_weight: Any, in_proj_bias: Any, out_proj_weight: Any,
            out_proj_bias: Any, num_heads: int, is_causal: bool = False) -> np.ndarray:
    """``torch.nn.MultiheadAttention(E, H, batch_first=True)`` with these weights, as
    self-attention (the causal mask passed as ``attn_mask``, True = masked out)."""
    if not torch_available():
        return _np_mha(X, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                       num_heads, is_causal)
    torch = _torch()
    X = _f(X)
    T, E = X.shape[1], X.shape[2]
    bias = in_proj_bias is not None
    mha = torch.nn.MultiheadAttention(E, num_heads, bias=bias, batch_first=True).double()
    with torch.no_grad():
        mha.in_proj_weight.copy_(_t(_f(in_proj_weight)))
        mha.out_proj.weight.copy_(_t(_f(out_proj_weight)))
        if bias:
            mha.in_proj_bias.copy_(_t(_f(in_proj_bias)))
            mha.out_proj.bias.copy_(_t(_f(out_proj_bias)))
        mask = _t(np.triu(np.ones((T, T), bool), 1)) if is_causal else None
        x = _t(X)
        return mha(x, x, x, attn_mask=mask, need_weights=False)[0].numpy()


def ref_positional(T: int, d_model: int) -> np.ndarray:  # noqa: N803
    """The paper's formula, one number at a time with :mod:`math`."""
    pe = np.zeros((T, d_model))
    for t in range(T):
        for i in range(d_model // 2):
            angle = t / 10000.0 ** (2 * i / d_model)
            pe[t, 2 * i] = math.sin(angle)
            pe[t, 2 * i + 1] = math.cos(angle)
    return pe


def ref_layer_norm(X: Any, gamma: Any, beta: Any, eps: float = 1e-5) -> np.ndarray:
    """``torch.nn.functional.layer_norm(X, (E,), gamma, beta, eps)``."""
    if not torch_available():
        return _np_layer_norm(X, gamma, beta, eps)
    F = _torch().nn.functional  # noqa: N806
    X = _f(X)
    return F.layer_norm(_t(X), (X.shape[-1],), _t(_f(gamma)), _t(_f(beta)), eps).numpy()


def ref_block(X: Any, params: dict[str, Any], num_heads: int, is_causal: bool = False
              ) -> np.ndarray:
    """``torch.nn.TransformerEncoderLayer(E, H, F, dropout=0.0, activation="gelu",
    batch_first=True, norm_first=True)`` with ``params`` loaded."""
    if not torch_available():
        return _np_block(X, params, num_heads, is_causal)
    torch = _torch()
    X = _f(X)
    T, E = X.shape[1], X.shape[2]
    hidden = np.shape(params["linear1.weight"])[0]
    layer = torch.nn.TransformerEncoderLayer(E, num_heads, hidden, dropout=0.0,
                                             activation="gelu", batch_first=True,
                                             norm_first=True).double()
    layer.load_state_dict({k: _t(_f(v)) for k, v in params.items()})
    with torch.no_grad():
        if is_causal:
            mask = _t(np.triu(np.ones((T, T), bool), 1))
            return layer(_t(X), src_mask=mask, is_causal=True).numpy()
        return layer(_t(X)).numpy()


# -------------------------------------------------------------------------------------------
# inputs


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _mha_weights(rng: np.random.Generator, E: int, bias: bool = True  # noqa: N803
                 ) -> tuple[Any, ...]:
    s = 1 / math.sqrt(E)
    return (rng.normal(size=(3 * E, E)) * s, rng.normal(size=3 * E) * 0.3 if bias else None,
            rng.normal(size=(E, E)) * s, rng.normal(size=E) * 0.3 if bias else None)


def _block_params(rng: np.random.Generator, E: int, hidden: int) -> dict[str, np.ndarray]:  # noqa: N803
    W_in, b_in, W_out, b_out = _mha_weights(rng, E)  # noqa: N806
    s = 1 / math.sqrt(E)
    return {
        "self_attn.in_proj_weight": W_in, "self_attn.in_proj_bias": b_in,
        "self_attn.out_proj.weight": W_out, "self_attn.out_proj.bias": b_out,
        "linear1.weight": rng.normal(size=(hidden, E)) * s,
        "linear1.bias": rng.normal(size=hidden) * 0.3,
        "linear2.weight": rng.normal(size=(E, hidden)) / math.sqrt(hidden),
        "linear2.bias": rng.normal(size=E) * 0.3,
        "norm1.weight": 1 + 0.3 * rng.normal(size=E), "norm1.bias": 0.3 * rng.normal(size=E),
        "norm2.weight": 1 + 0.3 * rng.normal(size=E), "norm2.bias": 0.3 * rng.normal(size=E),
    }


def _tuple_close(reference: Callable[..., Any], names: tuple[str, ...], hidden: bool = False,
                 tol: dict[str, float] | None = None) -> Callable[[Case, Any], str | None]:
    def check(case: Case, value: Any) -> str | None:
        expected = reference(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != len(names):
            return f"return a tuple ({', '.join(names)})"
        for name, e, r in zip(names, expected, value, strict=True):
            msg = compare_values(e, r, what=name, hidden=hidden,
                                 **(tol or (TORCH_TOL if torch_available() else FD_TOL)))
            if msg:
                return msg
        return None

    return check


# -------------------------------------------------------------------------------------------
# exercises

SDPA_HINT = ("scores = Q @ K^T / sqrt(E) (swap the last two axes of K); softmax over the last "
             "axis (the keys); then weights @ V.")


def scaled_dot_product() -> list[Check]:
    rng = _rng(0)
    same_keys = np.tile(rng.normal(size=(1, 3)), (4, 1))
    return [
        Check("one sequence: L = S = 4, E = 3",
              [Case(rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), rng.normal(size=(4, 3)))],
              expect=close_to(ref_sdpa), hint=SDPA_HINT),
        Check("cross-attention: 3 queries, 5 keys, values of size 2",
              [Case(rng.normal(size=(3, 4)), rng.normal(size=(5, 4)), rng.normal(size=(5, 2)))],
              expect=close_to(ref_sdpa),
              hint="Q is (L, E), K is (S, E), V is (S, Ev): the weights are (L, S), the "
                   "output (L, Ev)."),
        Check("a batch of 2 sequences (N, T, E)",
              [Case(rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 4)),
                    rng.normal(size=(2, 5, 4)))],
              expect=close_to(ref_sdpa),
              hint="Use np.swapaxes(K, -1, -2) rather than K.T: .T reverses *all* the axes."),
        Check("identical keys: every query averages the values",
              [Case(rng.normal(size=(3, 3)), same_keys, rng.normal(size=(4, 2)))],
              expect=close_to(ref_sdpa),
              hint="Equal scores give equal weights 1/S along the keys' axis."),
        Check("large scores do not overflow",
              [Case(rng.normal(size=(3, 4)) * 60, rng.normal(size=(3, 4)) * 60,
                    rng.normal(size=(3, 2)))],
              expect=close_to(ref_sdpa),
              hint="Subtract each row's maximum score before np.exp: the softmax is "
                   "unchanged and nothing overflows."),
        Check("heads: (N, H, T, D) inputs",
              [Case(rng.normal(size=(2, 3, 6, 4)), rng.normal(size=(2, 3, 6, 4)),
                    rng.normal(size=(2, 3, 6, 5)))],
              expect=close_to(ref_sdpa, hidden=True), hidden=True, hint=SDPA_HINT),
        Check("Q and K must have the same last axis E",
              [Case(np.ones((2, 3)), np.ones((2, 4)), np.ones((2, 4)))],
              expect=raises(ValueError), hint="Compare Q.shape[-1] with K.shape[-1]."),
        Check("K and V must have the same number of positions",
              [Case(np.ones((2, 3)), np.ones((4, 3)), np.ones((5, 3)))],
              expect=raises(ValueError), hint="Compare K.shape[-2] with V.shape[-2]."),
    ]


def _mask_ok(case: Case, value: Any) -> str | None:
    expected = ref_causal_mask(*case.args)
    arr = np.asarray(value) if not isinstance(value, (str, dict)) else None
    if arr is None or arr.dtype != bool:
        kind = "nothing" if value is None else (f"dtype {arr.dtype}" if arr is not None
                                                else type(value).__name__)
        return f"return a boolean array (True = may attend), not {kind}"
    return compare_values(expected, arr, what="mask")


def causal_mask() -> list[Check]:
    rng = _rng(1)
    B = rng.normal
    some = rng.random((4, 6)) > 0.5
    some[:, 0] = True
    dead = np.tril(np.ones((4, 4), bool))
    dead[2] = False
    hint = ("Boolean masks: True = this query may look at this key. Where it may not, the "
            "score becomes -inf before the softmax, so its weight is exactly 0.")
    return [
        Check("causal_mask(T) for T = 1 and T = 4",
              [Case(1), Case(4)], expect=satisfies(_mask_ok), function="causal_mask",
              hint="np.tril(np.ones((T, T), dtype=bool)): row i is True up to column i."),
        Check("causal_mask(0) is invalid", [Case(0)], expect=raises(ValueError),
              function="causal_mask", hint="Raise ValueError unless T >= 1."),
        Check("is_causal=True on one sequence, T = 5",
              [Case(B(size=(5, 3)), B(size=(5, 3)), B(size=(5, 2)), is_causal=True)],
              expect=close_to(ref_masked), function="masked_attention",
              hint="Position i sees positions 0..i: build causal_mask(T) and use it as mask."),
        Check("the first output is V[0]; a batch of 2, T = 4",
              [Case(B(size=(2, 4, 3)), B(size=(2, 4, 3)), B(size=(2, 4, 3)), is_causal=True)],
              expect=close_to(ref_masked), function="masked_attention",
              hint="Query 0 sees only key 0: its weight is 1 and its output is V[..., 0, :]."),
        Check("a boolean mask (L = 4, S = 6)",
              [Case(B(size=(4, 3)), B(size=(6, 3)), B(size=(6, 2)), mask=some)],
              expect=close_to(ref_masked), function="masked_attention",
              hint="np.where(mask, scores, -np.inf), then the softmax as before."),
        Check("no mask: plain attention",
              [Case(B(size=(3, 2)), B(size=(3, 2)), B(size=(3, 2)))],
              expect=close_to(ref_masked), function="masked_attention",
              hint="mask=None and is_causal=False: nothing is masked."),
        Check("a query that may look nowhere gets zeros, not NaN",
              [Case(B(size=(4, 3)), B(size=(4, 3)), B(size=(4, 2)), mask=dead)],
              expect=close_to(ref_masked), function="masked_attention",
              hint="A row of -inf only gives 0/0 = NaN. Find rows with no True "
                   "(~mask.any(axis=-1)) and set their output to 0, as PyTorch does."),
        Check("causal, longer sequences",
              [Case(B(size=(3, 9, 4)), B(size=(3, 9, 4)), B(size=(3, 9, 4)), is_causal=True)],
              expect=close_to(ref_masked, hidden=True), function="masked_attention",
              hidden=True, hint=hint),
        Check("mask and is_causal together are ambiguous",
              [Case(np.ones((3, 2)), np.ones((3, 2)), np.ones((3, 2)),
                    mask=np.ones((3, 3), bool), is_causal=True)],
              expect=raises(ValueError), function="masked_attention",
              hint="Raise ValueError when both are given (PyTorch does too)."),
        Check("the mask must be (L, S)",
              [Case(np.ones((3, 2)), np.ones((4, 2)), np.ones((4, 2)),
                    mask=np.ones((3, 3), bool))],
              expect=raises(ValueError), function="masked_attention",
              hint="Check mask.shape[-2:] == (L, S)."),
    ]


def attention_backward() -> list[Check]:
    rng = _rng(2)
    B = rng.normal
    names = ("dQ", "dK", "dV")
    hint = ("Recompute P = softmax(Q K^T / sqrt(E)); then dV = P^T dO, dP = dO V^T, "
            "dS = P * (dP - (dP * P).sum(-1, keepdims=True)), dQ = dS K / sqrt(E), "
            "dK = dS^T Q / sqrt(E).")
    return [
        Check("one sequence, L = S = 4",
              [Case(B(size=(4, 3)), B(size=(4, 3)), B(size=(4, 2)), B(size=(4, 2)))],
              expect=satisfies(_tuple_close(ref_attention_backward, names)), hint=hint),
        Check("cross-attention, L = 3, S = 5",
              [Case(B(size=(3, 2)), B(size=(5, 2)), B(size=(5, 4)), B(size=(3, 4)))],
              expect=satisfies(_tuple_close(ref_attention_backward, names)),
              hint="dV = P^T dO has V's shape (S, Ev); dK = dS^T Q has K's (S, E)."),
        Check("causal: masked weights get no gradient",
              [Case(B(size=(5, 3)), B(size=(5, 3)), B(size=(5, 3)), B(size=(5, 3)),
                    is_causal=True)],
              expect=satisfies(_tuple_close(ref_attention_backward, names)),
              hint="With P = 0 where masked, dS = P * (...) is 0 there by itself: only the "
                   "forward softmax needs the mask."),
        Check("a batch (N, T, E)",
              [Case(B(size=(2, 4, 3)), B(size=(2, 4, 3)), B(size=(2, 4, 2)), B(size=(2, 4, 2)),
                    is_causal=True)],
              expect=satisfies(_tuple_close(ref_attention_backward, names, hidden=True)),
              hidden=True, hint="Swap only the last two axes: np.swapaxes(P, -1, -2)."),
        Check("dO must have the output's shape (L, Ev)",
              [Case(np.ones((3, 2)), np.ones((3, 2)), np.ones((3, 2)), np.ones((2, 2)))],
              expect=raises(ValueError), hint="Check dO.shape == (*Q.shape[:-1], V.shape[-1])."),
    ]


def multi_head() -> list[Check]:
    rng = _rng(3)
    B = rng.normal
    X8 = B(size=(2, 5, 8))
    hint = ("Project X @ W_in.T + b_in into (N, T, 3E); cut into q, k, v (E columns each); "
            "split each into heads (N, H, T, D); attend per head with scale 1/sqrt(D); merge; "
            "then @ W_out.T + b_out.")
    return [
        Check("split_heads: (2, 5, 8) into 2 heads of 4",
              [Case(X8, 2)], expect=close_to(ref_split_heads), function="split_heads",
              hint="reshape to (N, T, H, D), then swap axes 1 and 2: head h takes columns "
                   "h*D .. (h+1)*D - 1 of every position."),
        Check("split_heads: 4 heads of 2, and 1 head",
              [Case(X8, 4), Case(X8, 1)], expect=close_to(ref_split_heads),
              function="split_heads",
              hint="Reshaping straight to (N, H, T, D) mixes positions: reshape, then "
                   "transpose."),
        Check("split_heads: H must divide E",
              [Case(X8, 3)], expect=raises(ValueError), function="split_heads",
              hint="Raise ValueError when E % num_heads != 0."),
        Check("merge_heads undoes split_heads",
              [Case(B(size=(2, 3, 4, 2)))], expect=close_to(ref_merge_heads),
              function="merge_heads",
              hint="Swap axes 1 and 2 back to (N, T, H, D), then reshape to (N, T, H*D)."),
        Check("self-attention, E = 8, 2 heads, as torch.nn.MultiheadAttention",
              [Case(X8, *_mha_weights(rng, 8), 2)], expect=close_to(ref_mha),
              function="multi_head_attention", hint=hint),
        Check("one head is plain attention plus two projections",
              [Case(B(size=(1, 4, 6)), *_mha_weights(rng, 6), 1)], expect=close_to(ref_mha),
              function="multi_head_attention",
              hint="in_proj_weight stacks W_q, W_k, W_v in that order: rows 0..E-1 are W_q."),
        Check("causal, 4 heads",
              [Case(B(size=(2, 6, 8)), *_mha_weights(rng, 8), 4, is_causal=True)],
              expect=close_to(ref_mha), function="multi_head_attention",
              hint="The same causal mask for every head: (T, T) broadcasts over (N, H)."),
        Check("no biases (None)",
              [Case(B(size=(2, 3, 4)), *_mha_weights(rng, 4, bias=False), 2)],
              expect=close_to(ref_mha), function="multi_head_attention",
              hint="When in_proj_bias / out_proj_bias is None, add nothing."),
        Check("E = 12, 3 heads",
              [Case(B(size=(3, 7, 12)), *_mha_weights(rng, 12), 3, is_causal=True)],
              expect=close_to(ref_mha, hidden=True), function="multi_head_attention",
              hidden=True, hint="The scale is 1/sqrt(D) with D = E / H, not 1/sqrt(E)."),
        Check("in_proj_weight must be (3E, E)",
              [Case(X8, np.ones((8, 8)), None, np.ones((8, 8)), None, 2)],
              expect=raises(ValueError), function="multi_head_attention",
              hint="Check in_proj_weight.shape == (3 * E, E)."),
        Check("num_heads must divide E",
              [Case(X8, *_mha_weights(rng, 8), 3)], expect=raises(ValueError),
              function="multi_head_attention", hint="E % num_heads must be 0."),
    ]


def positional() -> list[Check]:
    hint = ("PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(the same angle): columns "
            "0, 2, 4... are sines, 1, 3, 5... cosines; t starts at 0.")
    return [
        Check("T = 1, d_model = 2: position 0 is [sin 0, cos 0]",
              [Case(1, 2)], expect=close_to(ref_positional, rtol=1e-12, atol=1e-12),
              hint="At t = 0 every sine is 0 and every cosine 1."),
        Check("T = 10, d_model = 8",
              [Case(10, 8)], expect=close_to(ref_positional, rtol=1e-10, atol=1e-12),
              hint=hint),
        Check("T = 4, d_model = 16: the slow clocks barely move",
              [Case(4, 16)], expect=close_to(ref_positional, rtol=1e-10, atol=1e-12),
              hint="The exponent is 2i / d_model with i = 0 .. d_model/2 - 1: the column "
                   "index 2i, divided by d_model."),
        Check("T = 50, d_model = 64",
              [Case(50, 64)], expect=close_to(ref_positional, rtol=1e-10, atol=1e-12,
                                              hidden=True), hidden=True, hint=hint),
        Check("d_model must be even", [Case(5, 7)], expect=raises(ValueError),
              hint="Sines and cosines come in pairs: raise ValueError for an odd d_model."),
        Check("T must be at least 1", [Case(0, 4)], expect=raises(ValueError),
              hint="Raise ValueError unless T >= 1."),
    ]


def layer_norm() -> list[Check]:
    rng = _rng(4)
    B = rng.normal
    hint = ("Mean and (biased, 1/E) variance over the last axis, keepdims=True; "
            "(X - mean) / sqrt(var + eps) * gamma + beta.")
    return [
        Check("a (3, 5) batch of vectors",
              [Case(B(size=(3, 5)), B(size=5), B(size=5))], expect=close_to(ref_layer_norm),
              hint=hint),
        Check("tokens (N, T, E) = (2, 4, 6), gamma = 1, beta = 0",
              [Case(B(size=(2, 4, 6)) * 3 + 2, np.ones(6), np.zeros(6))],
              expect=close_to(ref_layer_norm),
              hint="Normalise each token's vector (the last axis), not across the batch."),
        Check("the variance is the biased one (divide by E)",
              [Case(B(size=(2, 3)), np.ones(3), np.zeros(3))], expect=close_to(ref_layer_norm),
              hint="np.var's default ddof=0 is what PyTorch uses here."),
        Check("eps = 0.1 goes inside the square root",
              [Case(B(size=(2, 4)) * 0.3, np.ones(4), np.zeros(4), eps=0.1)],
              expect=close_to(ref_layer_norm), hint="1 / sqrt(var + eps), not 1 / (std + eps)."),
        Check("a constant row gives beta",
              [Case(np.full((2, 4), 3.0), B(size=4), B(size=4))],
              expect=close_to(ref_layer_norm),
              hint="Its variance is 0; eps keeps the division finite."),
        Check("values around one million",
              [Case(1e6 + B(size=(3, 8)), B(size=8), B(size=8))],
              expect=close_to(ref_layer_norm),
              hint="Compute the variance as the mean of (X - mean)**2: mean(X**2) - mean**2 "
                   "loses every digit when the mean is large."),
        Check("larger inputs",
              [Case(B(size=(4, 6, 10)) * 2 - 1, B(size=10), B(size=10))],
              expect=close_to(ref_layer_norm, hidden=True), hidden=True, hint=hint),
        Check("gamma must have shape (E,)",
              [Case(np.ones((2, 4)), np.ones(3), np.zeros(4))], expect=raises(ValueError),
              hint="Check gamma.shape == beta.shape == (X.shape[-1],)."),
    ]


def transformer_block() -> list[Check]:
    rng = _rng(5)
    B = rng.normal
    hint = ("H = X + MHA(LN1(X)); Y = H + GELU(LN2(H) W1^T + b1) W2^T + b2, with the exact "
            "GELU x * (1 + erf(x / sqrt(2))) / 2.")
    return [
        Check("E = 8, 2 heads, not causal",
              [Case(B(size=(2, 4, 8)), _block_params(rng, 8, 32), 2)],
              expect=close_to(ref_block), hint=hint),
        Check("causal, E = 8, 4 heads",
              [Case(B(size=(2, 5, 8)), _block_params(rng, 8, 32), 4, is_causal=True)],
              expect=close_to(ref_block),
              hint="Pass is_causal to the attention; the MLP works on each position alone."),
        Check("pre-norm: the residual adds the un-normalised input",
              [Case(B(size=(1, 3, 4)) * 5 + 3, _block_params(rng, 4, 16), 1)],
              expect=close_to(ref_block),
              hint="Normalise the input of each branch, not the sum: X + attn(LN1(X)), not "
                   "LN1(X + attn(X))."),
        Check("E = 12, 3 heads, MLP of 48",
              [Case(B(size=(3, 6, 12)), _block_params(rng, 12, 48), 3, is_causal=True)],
              expect=close_to(ref_block, hidden=True), hidden=True, hint=hint),
        Check("X must be (N, T, E)",
              [Case(np.ones((4, 8)), _block_params(rng, 8, 32), 2)], expect=raises(ValueError),
              hint="Check X.ndim == 3 before anything else."),
    ]
