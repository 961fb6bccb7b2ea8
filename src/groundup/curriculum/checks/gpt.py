"""Checks for the GPT exercises: batches, sampling filters, LoRA and the language-model loss.

Expected values come from PyTorch where it is installed (``torch.nn.functional.cross_entropy``,
``torch.softmax``, ``nn.Linear``, and ``transformers``' top-k/top-p rules written out in
PyTorch, as ``TopKLogitsWarper``/``TopPLogitsWarper`` do them), otherwise from plain NumPy
written here. Nothing here uses :mod:`groundup`'s own solutions.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.gpt_drivers"


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def _torch() -> Any:
    return importlib.import_module("torch")


def _f(a: Any) -> np.ndarray:
    return np.asarray(a, dtype=float)


# -------------------------------------------------------------------------------------------
# gpt.get_batch


def ref_get_batch(data: Any, batch_size: int, block_size: int, seed: int, calls: int = 1
                  ) -> list[np.ndarray]:
    """nanoGPT's ``get_batch``: starts ``rng.integers(0, n - T, size=B)``, blocks by slicing."""
    d = np.asarray(data)
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(calls):
        starts = rng.integers(0, len(d) - block_size, size=batch_size)
        out.append(np.stack([d[s:s + block_size] for s in starts]).astype(np.int64))
        out.append(np.stack([d[s + 1:s + 1 + block_size] for s in starts]).astype(np.int64))
    return out


def _batch_matches(hidden: bool = False) -> Any:
    def check(case: Case, value: Any) -> str | None:
        data, B, T = np.asarray(case.args[0]), case.args[1], case.args[2]
        if not isinstance(value, list) or len(value) % 2:
            return "return a pair (x, y)"
        for i in range(0, len(value), 2):
            call = f" (call {i // 2 + 1})" if len(value) > 2 else ""
            x, y = np.asarray(value[i]), np.asarray(value[i + 1])
            for name, arr in (("x", x), ("y", y)):
                if arr.shape != (B, T):
                    return f"{name}{call} has shape {arr.shape}; expected (batch_size, " \
                           f"block_size) = {(B, T)}"
                if not np.issubdtype(arr.dtype, np.integer):
                    return f"{name}{call} has dtype {arr.dtype}: token ids are integers"
            if not np.array_equal(y[:, :-1], x[:, 1:]):
                return f"y{call} is not x shifted by one: y[:, t] must be the id after x[:, t]"
            windows = np.lib.stride_tricks.sliding_window_view(data, T + 1)  # (n - T, T + 1)
            for row in range(B):
                block = np.concatenate([x[row], y[row, -1:]])  # (T + 1,)
                if not (windows == block).all(axis=1).any():
                    return (f"row {row} of x{call} and its targets are not {T + 1} consecutive "
                            f"ids of data")
        expected = ref_get_batch(*case.args, **case.kwargs)
        for i, (exp, rec) in enumerate(zip(expected, value, strict=True)):
            msg = compare_values(exp, rec, what=("x", "y")[i % 2] + (
                f" of call {i // 2 + 1}" if len(value) > 2 else ""), hidden=hidden)
            if msg:
                return (msg + ". Draw the starts with rng.integers(0, len(data) - block_size, "
                        "size=batch_size), using the rng you are given")
        return None

    return satisfies(check)


def get_batch() -> list[Check]:
    rng = np.random.default_rng(0)
    text_ids = rng.integers(0, 65, 500)
    hint = ("starts = rng.integers(0, len(data) - block_size, size=batch_size); x[b] = "
            "data[s:s + block_size], y[b] = data[s + 1:s + 1 + block_size].")
    return [
        Check("4 blocks of 8 from 500 ids",
              [Case(text_ids, 4, 8, 1, driver=f"{DRIVERS}:get_batch_seeded")],
              expect=_batch_matches(), hint=hint),
        Check("y is x shifted by one (ids 0..99)",
              [Case(np.arange(100), 6, 5, 2, driver=f"{DRIVERS}:get_batch_seeded")],
              expect=_batch_matches(),
              hint="The target at position t is the token that comes next: data[s + t + 1]."),
        Check("the last possible block ends on the last id",
              [Case(np.arange(10), 40, 9, 3, driver=f"{DRIVERS}:get_batch_seeded")],
              expect=_batch_matches(),
              hint="With n ids and block T, the starts are 0 .. n - T - 1: integers(0, n - T)."),
        Check("the generator you are given moves on between calls",
              [Case(text_ids, 3, 6, 4, calls=2, driver=f"{DRIVERS}:get_batch_seeded")],
              expect=_batch_matches(),
              hint="Use the rng argument; do not create a new generator inside the function."),
        Check("a longer text, batch 12, block 64",
              [Case(rng.integers(0, 78, 5000), 12, 64, 5,
                    driver=f"{DRIVERS}:get_batch_seeded")],
              expect=_batch_matches(hidden=True), hidden=True, hint=hint),
        Check("data no longer than block_size",
              [Case(np.arange(8), 2, 8, 0, driver=f"{DRIVERS}:get_batch_seeded")],
              expect=raises(ValueError),
              hint="A block needs block_size ids plus one more for the last target: raise "
                   "ValueError when len(data) <= block_size."),
        Check("data must be 1-D integer ids",
              [Case(np.ones((4, 20), dtype=np.int64), 2, 4, 0,
                    driver=f"{DRIVERS}:get_batch_seeded")],
              expect=raises(ValueError), hint="Check data.ndim == 1 first."),
        Check("batch_size must be positive",
              [Case(np.arange(50), 0, 4, 0, driver=f"{DRIVERS}:get_batch_seeded")],
              expect=raises(ValueError), hint="Raise ValueError when batch_size < 1."),
    ]


# -------------------------------------------------------------------------------------------
# gpt.sampling


def ref_softmax_t(logits: Any, temperature: float = 1.0) -> np.ndarray:
    """``torch.softmax(logits / temperature, -1)`` in float64."""
    z = _f(logits) / temperature
    if torch_available():
        torch = _torch()
        return torch.softmax(torch.from_numpy(z), dim=-1).numpy()
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def ref_top_k(logits: Any, k: int) -> np.ndarray:
    """``TopKLogitsWarper``: remove logits below the k-th largest."""
    z = _f(logits)
    k = min(k, z.shape[-1])
    if torch_available():
        torch = _torch()
        t = torch.from_numpy(z)
        remove = t < torch.topk(t, k)[0][..., -1, None]
        return t.masked_fill(remove, -float("inf")).numpy()
    kth = np.sort(z, axis=-1)[..., -k][..., None]
    return np.where(z < kth, -np.inf, z)


def ref_top_p(logits: Any, p: float) -> np.ndarray:
    """``TopPLogitsWarper``: sort ascending, remove while the cumulative probability is
    ``<= 1 - p``, always keep the largest."""
    z = _f(logits)
    if torch_available():
        torch = _torch()
        t = torch.from_numpy(z)
        sorted_logits, sorted_idx = torch.sort(t, descending=False, stable=True)
        cum = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
        remove_sorted = cum <= (1 - p)
        remove_sorted[..., -1:] = False
        remove = remove_sorted.scatter(-1, sorted_idx, remove_sorted)
        return t.masked_fill(remove, -float("inf")).numpy()
    order = np.argsort(z, axis=-1, kind="stable")
    zs = np.take_along_axis(z, order, axis=-1)
    e = np.exp(zs - zs.max(axis=-1, keepdims=True))
    cum = np.cumsum(e / e.sum(axis=-1, keepdims=True), axis=-1)
    remove_sorted = cum <= 1 - p
    remove_sorted[..., -1] = False
    remove = np.zeros_like(remove_sorted)
    np.put_along_axis(remove, order, remove_sorted, axis=-1)
    return np.where(remove, -np.inf, z)


def _logits(rng: np.random.Generator, *shape: int, scale: float = 2.0) -> np.ndarray:
    return rng.normal(size=shape) * scale


def sampling() -> list[Check]:
    rng = np.random.default_rng(1)
    z = _logits(rng, 3, 10)
    tied = np.array([2.0, 5.0, 1.0, 5.0, 3.0, 5.0, -1.0])
    probs = np.log(np.array([0.5, 0.3, 0.15, 0.05]))
    soft, topk, topp = "softmax_with_temperature", "top_k_filter", "top_p_filter"
    t_hint = "Divide the logits by the temperature, subtract the row maximum, exponentiate, " \
             "normalise along the last axis."
    k_hint = "Find the k-th largest logit of each row (np.sort or np.partition) and set every " \
             "logit strictly below it to -inf."
    p_hint = ("Sort ascending, take the cumulative sum of the softmax probabilities, remove "
              "tokens while that sum is <= 1 - p, always keep the most likely one, then put "
              "the mask back in the original order.")
    return [
        Check("temperature 1 is the softmax", [Case(z, 1.0)], function=soft,
              expect=close_to(ref_softmax_t, rtol=1e-10, atol=1e-12), hint=t_hint),
        Check("low and high temperatures", [Case(z, 0.25), Case(z, 3.0)], function=soft,
              expect=close_to(ref_softmax_t, rtol=1e-10, atol=1e-12),
              hint="Divide by the temperature (a low one sharpens, a high one flattens)."),
        Check("large logits do not overflow", [Case(np.array([1000.0, 999.0, 0.0]), 0.5)],
              function=soft, expect=close_to(ref_softmax_t, rtol=1e-10, atol=1e-12),
              hint="Subtract the maximum before np.exp: e^1000 overflows to inf."),
        Check("-inf logits get probability 0", [Case(np.array([1.0, -np.inf, 0.5]), 1.0)],
              function=soft, expect=close_to(ref_softmax_t, rtol=1e-10, atol=1e-12),
              hint="exp(-inf) is 0: nothing special to do if you subtract a finite maximum."),
        Check("temperature must be positive", [Case(z, 0.0), Case(z, -1.0)], function=soft,
              expect=raises(ValueError), hint="Raise ValueError for temperature <= 0."),
        Check("top-k of random rows", [Case(z, 3), Case(z, 1)], function=topk,
              expect=close_to(ref_top_k), hint=k_hint),
        Check("ties with the k-th logit are kept", [Case(tied, 2), Case(tied, 4)],
              function=topk, expect=close_to(ref_top_k),
              hint="Remove only logits strictly below the k-th largest (`<`, not `<=`)."),
        Check("k larger than the vocabulary keeps everything", [Case(z, 50)], function=topk,
              expect=close_to(ref_top_k), hint="Use min(k, V)."),
        Check("top-k on a large batch", [Case(_logits(rng, 16, 65), 10)],
              function=topk, expect=close_to(ref_top_k, hidden=True), hidden=True, hint=k_hint),
        Check("k must be a positive int", [Case(z, 0)], function=topk,
              expect=raises(ValueError), hint="Raise ValueError for k < 1."),
        Check("top-p: the nucleus reaches p", [Case(probs, 0.8), Case(probs, 0.5)],
              function=topp, expect=close_to(ref_top_p),
              hint="With probabilities 0.5, 0.3, 0.15, 0.05 and p = 0.8 the tokens 0.5 and 0.3 "
                   "are kept: their sum reaches 0.8. " + p_hint),
        Check("top-p of random rows", [Case(z, 0.9), Case(z, 0.3)], function=topp,
              expect=close_to(ref_top_p), hint=p_hint),
        Check("the most likely token is always kept", [Case(np.array([0.0, 9.0, 1.0]), 0.01)],
              function=topp, expect=close_to(ref_top_p),
              hint="Even when its probability alone exceeds p, keep the top token."),
        Check("p = 1 keeps everything", [Case(z, 1.0)], function=topp,
              expect=close_to(ref_top_p), hint="Nothing has cumulative probability <= 0."),
        Check("top-p on a large batch", [Case(_logits(rng, 16, 65), 0.95)],
              function=topp, expect=close_to(ref_top_p, hidden=True), hidden=True,
              hint=p_hint),
        Check("p must be in (0, 1]", [Case(z, 0.0), Case(z, 1.5)], function=topp,
              expect=raises(ValueError), hint="Raise ValueError outside 0 < p <= 1."),
    ]


# -------------------------------------------------------------------------------------------
# gpt.lora_linear


def ref_lora(x: Any, W: Any, b: Any, A: Any, B: Any, alpha: float) -> np.ndarray:
    """``nn.Linear`` with ``W, b`` plus ``(alpha / r) * (x A^T) B^T``, in PyTorch."""
    x, W, A, B = _f(x), _f(W), _f(A), _f(B)
    r = A.shape[0]
    if not torch_available():
        y = x @ W.T + (alpha / r) * (x @ A.T) @ B.T
        return y if b is None else y + _f(b)
    torch = _torch()
    layer = torch.nn.Linear(W.shape[1], W.shape[0], bias=b is not None).double()
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(W))
        if b is not None:
            layer.bias.copy_(torch.from_numpy(_f(b)))
        tx = torch.from_numpy(x)
        return (layer(tx) + (alpha / r) * (tx @ torch.from_numpy(A).T)
                @ torch.from_numpy(B).T).numpy()


def ref_lora_count(in_features: int, out_features: int, r: int) -> int:
    """The number of elements of ``A`` (r, in) and ``B`` (out, r), counted by PyTorch."""
    if not torch_available():
        return r * in_features + out_features * r
    torch = _torch()
    params = [torch.nn.Parameter(torch.zeros(r, in_features)),
              torch.nn.Parameter(torch.zeros(out_features, r))]
    return int(sum(p.numel() for p in params))


def lora_linear() -> list[Check]:
    rng = np.random.default_rng(2)

    def weights(d_in: int, d_out: int, r: int) -> tuple[np.ndarray, ...]:
        return (rng.normal(size=(d_out, d_in)) * 0.3, rng.normal(size=d_out) * 0.1,
                rng.normal(size=(r, d_in)) * 0.3, rng.normal(size=(d_out, r)) * 0.3)

    W, b, A, B = weights(6, 4, 2)
    big = weights(32, 96, 8)
    count = "lora_parameter_count"
    hint = "y = x @ W.T + b + (alpha / r) * (x @ A.T) @ B.T, with r = A.shape[0]."
    return [
        Check("a batch of 5 inputs, d_in = 6, d_out = 4, r = 2",
              [Case(rng.normal(size=(5, 6)), W, b, A, B, 4.0)], expect=close_to(ref_lora),
              hint=hint),
        Check("B = 0 gives the base layer's output",
              [Case(rng.normal(size=(3, 6)), W, b, A, np.zeros((4, 2)), 8.0)],
              expect=close_to(ref_lora),
              hint="The low-rank path is added to x @ W.T + b; with B = 0 it adds nothing."),
        Check("the scaling is alpha / r, not alpha",
              [Case(rng.normal(size=(2, 6)), W, b, A, B, 1.0)], expect=close_to(ref_lora),
              hint="Divide alpha by the rank r = A.shape[0]."),
        Check("no bias, (B, T, d_in) inputs",
              [Case(rng.normal(size=(2, 3, 6)), W, None, A, B, 2.0)], expect=close_to(ref_lora),
              hint="b may be None; the products work on any leading axes."),
        Check("a GPT-sized c_attn",
              [Case(rng.normal(size=(4, 32)), *big, 16.0)],
              expect=close_to(ref_lora, hidden=True), hidden=True, hint=hint),
        Check("A and B must share the rank",
              [Case(np.ones((2, 6)), W, b, np.ones((3, 6)), B, 1.0)], expect=raises(ValueError),
              hint="Check A.shape == (r, d_in) and B.shape == (d_out, r)."),
        Check("x must have d_in columns",
              [Case(np.ones((2, 5)), W, b, A, B, 1.0)], expect=raises(ValueError),
              hint="Compare x.shape[-1] with W.shape[1]."),
        Check("parameter count of one layer", [Case(128, 384, 8), Case(6, 4, 2)],
              function=count, expect=close_to(ref_lora_count),
              hint="A is (r, in_features) and B is (out_features, r): count their elements."),
        Check("parameter count, rank 1", [Case(512, 128, 1)], function=count,
              expect=close_to(ref_lora_count, hidden=True), hidden=True,
              hint="r * (in_features + out_features)."),
        Check("r must be between 1 and min(in, out)", [Case(4, 8, 0), Case(4, 8, 5)],
              function=count, expect=raises(ValueError),
              hint="Raise ValueError when r < 1 or r > min(in_features, out_features)."),
    ]


# -------------------------------------------------------------------------------------------
# gpt.lm_loss


def ref_lm_loss(logits: Any, targets: Any) -> float:
    """``F.cross_entropy(logits.view(-1, V), targets.view(-1))``."""
    z = _f(logits)
    t = np.asarray(targets, dtype=np.int64)
    V = z.shape[-1]
    if not torch_available():
        flat, tf = z.reshape(-1, V), t.reshape(-1)
        m = flat.max(axis=1, keepdims=True)
        logp = flat - m - np.log(np.exp(flat - m).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(tf)), tf].mean())
    torch = _torch()
    return float(torch.nn.functional.cross_entropy(torch.from_numpy(z).reshape(-1, V),
                                                   torch.from_numpy(t).reshape(-1)))


def lm_loss() -> list[Check]:
    rng = np.random.default_rng(3)
    z = rng.normal(size=(4, 8, 11)) * 2
    t = rng.integers(0, 11, (4, 8))
    hint = "Flatten to (B*T, V) and (B*T,), take log-softmax per row, pick the target's entry, " \
           "average the negatives over all B*T positions."
    return [
        Check("random logits, B = 4, T = 8, V = 11", [Case(z, t)], expect=close_to(ref_lm_loss),
              hint=hint),
        Check("uniform logits give ln(V)", [Case(np.zeros((2, 5, 78)), rng.integers(0, 78, (2, 5)))],
              expect=close_to(ref_lm_loss),
              hint="With equal logits every token has probability 1/V: the loss is ln V."),
        Check("the mean is over batch and time",
              [Case(rng.normal(size=(3, 20, 5)), rng.integers(0, 5, (3, 20)))],
              expect=close_to(ref_lm_loss),
              hint="Average over all B * T predictions, not over the batch only."),
        Check("large logits do not overflow",
              [Case(np.array([[[1000.0, 0.0, -1000.0], [5.0, 800.0, 2.0]]]),
                    np.array([[1, 1]]))],
              expect=close_to(ref_lm_loss),
              hint="log-sum-exp with the row maximum subtracted: m + log(sum(exp(z - m)))."),
        Check("a larger batch",
              [Case(rng.normal(size=(12, 64, 78)), rng.integers(0, 78, (12, 64)))],
              expect=close_to(ref_lm_loss, hidden=True), hidden=True, hint=hint),
        Check("targets must match the logits' (B, T)",
              [Case(z, t[:, :5])], expect=raises(ValueError),
              hint="Check targets.shape == logits.shape[:-1]."),
        Check("targets must be ids in [0, V)", [Case(z, np.full((4, 8), 11))],
              expect=raises(ValueError), hint="Raise ValueError for an id outside [0, V)."),
    ]
