r"""Checks for the LLM exercises, against references that do not use groundup.

* Chat template: SmolLM2's own Jinja template (copied from the GGUF's
  ``tokenizer.chat_template``), rendered with ``jinja2`` as ``transformers`` does.
* Few-shot prompt: the layout written out line by line here.
* Temperature: ``scipy.special.softmax``. Top-k/top-p: Hugging Face's ``TopKLogitsWarper`` and
  ``TopPLogitsWarper`` when ``transformers`` is installed, else a NumPy sort-and-cumsum.
* Perplexity: ``torch.nn.functional.cross_entropy`` when torch is installed, else
  ``scipy.special.log_softmax``.
* JSON: every ``{...}`` substring tried with ``json.loads``. Retry: fake models in
  :mod:`groundup.curriculum.checks.llm_drivers`.

Some inputs are real: SmolLM2's next-token logits, kept in ``groundup/data/llm_logits.npz``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import special

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.llm_drivers"
DATA = Path(__file__).resolve().parents[2] / "data" / "llm_logits.npz"

#: SmolLM2-135M-Instruct's chat template, verbatim from its GGUF metadata.
SMOLLM2_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging "
    "Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + "
    "message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}"
    "{{ '<|im_start|>assistant\n' }}{% endif %}"
)


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def real_logits() -> np.ndarray | None:
    """SmolLM2's next-token logits after "Once upon a time, there was a little" (V = 49152)."""
    if not DATA.is_file():
        return None
    with np.load(DATA, allow_pickle=False) as data:
        logits = np.asarray(data["logits"], dtype=np.float64)
    # Stored in float16, many logits tie; which of two tied tokens a top-p cut keeps is
    # arbitrary (it depends on the sort), so a tiny, distinct offset makes the order unique.
    return logits + np.arange(logits.size) * 1e-9


# --------------------------------------------------------------------------------------------
# Strings

def compare_strings(expected: str, received: Any, hidden: bool = False,
                    what: str = "string") -> str | None:
    """``None`` when equal; else where the two strings first differ, shown with ``repr``."""
    if received is None:
        return "your function returned None: did you forget `return`?"
    if not isinstance(received, str):
        return f"the result should be a string (str), but your code returned {type(received).__name__}"
    if received == expected:
        return None
    i = next((k for k, (a, b) in enumerate(zip(expected, received, strict=False)) if a != b),
             min(len(expected), len(received)))
    lo = max(0, i - 30)
    if hidden:
        return (f"the {what} differs from the reference at character {i} (yours has length "
                f"{len(received)}); after {received[lo:i]!r} yours continues "
                f"{received[i:i + 20]!r}")
    return (f"the {what} differs at character {i}: after {expected[lo:i]!r} the expected "
            f"{what} continues {expected[i:i + 30]!r}, yours continues {received[i:i + 30]!r} "
            f"(lengths {len(expected)} and {len(received)})")


def same_string(reference: Callable[..., str], hidden: bool = False) -> Any:
    def predicate(case: Case, value: Any) -> str | None:
        return compare_strings(reference(*case.args, **case.kwargs), value, hidden=hidden)
    return satisfies(predicate)


# --------------------------------------------------------------------------------------------
# llm.chat_template

def render_template(messages: Sequence[dict[str, str]], add_generation_prompt: bool = True) -> str:
    """SmolLM2's template rendered as ``transformers.apply_chat_template`` does (jinja2)."""
    try:
        import jinja2
    except ImportError:  # jinja2 comes with torch and transformers; write the rule out
        head = "" if messages[0]["role"] == "system" else (
            "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by "
            "Hugging Face<|im_end|>\n")
        body = "".join("<|im_start|>" + m["role"] + "\n" + m["content"] + "<|im_end|>\n"
                       for m in messages)
        return head + body + ("<|im_start|>assistant\n" if add_generation_prompt else "")
    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)  # transformers' settings
    return env.from_string(SMOLLM2_TEMPLATE).render(messages=list(messages),
                                                     add_generation_prompt=add_generation_prompt)


def _m(role: str, content: str) -> dict[str, str]:
    return {"role": role, "content": content}


def _random_conversation(rng: np.random.Generator) -> list[dict[str, str]]:
    words = ["tea", "why", "blue", "is", "the", "{json}", "<b>", "3.14", "naïve", "  ", "\n"]
    n = int(rng.integers(1, 6))
    messages = [_m("system", "Answer in French.")] if rng.random() < 0.5 else []
    for i in range(n):
        role = "user" if i % 2 == 0 else "assistant"
        messages.append(_m(role, " ".join(rng.choice(words, size=int(rng.integers(1, 6))))))
    return messages


def chat_template() -> list[Check]:
    rng = _rng(0)
    one = [_m("user", "Hi!")]
    with_system = [_m("system", "You are a pirate."), _m("user", "Where is the treasure?")]
    multi = [_m("user", "What is 2 + 2?"), _m("assistant", "4"), _m("user", "And 3 + 3?")]
    late_system = [_m("user", "Hello"), _m("system", "Be brief."), _m("user", "Explain LLMs.")]
    ref = same_string(render_template)
    return [
        Check("one user message", [Case(one)], expect=ref,
              hint="Without a system message, SmolLM2's default system message comes first; "
                   "every message is <|im_start|>role\\ncontent<|im_end|>\\n."),
        Check("with a system message", [Case(with_system)], expect=ref,
              hint="When the first message is a system message, no default one is added."),
        Check("a multi-turn conversation", [Case(multi)], expect=ref,
              hint="Every message, whatever its role, gets the same wrapping, in order."),
        Check("without the generation prompt", [Case(multi, add_generation_prompt=False),
                                                Case(one, False)], expect=ref,
              hint="add_generation_prompt=False: stop after the last <|im_end|>\\n."),
        Check("a system message that is not first", [Case(late_system)], expect=ref,
              hint="Only messages[0] decides whether the default system message is added."),
        Check("contents with newlines and braces", [Case([_m("user", "line 1\nline 2 {x}\n")]),
                                                   Case([_m("user", "")])], expect=ref,
              hint="Copy the content exactly: no stripping, no escaping."),
        Check("invalid conversations",
              [Case([], label="messages = []"),
               Case([_m("robot", "beep")]),
               Case([{"role": "user"}]),
               Case([{"role": "user", "content": 42}])],
              expect=raises(ValueError),
              hint="Raise ValueError for an empty list, a role other than system/user/"
                   "assistant, a missing key or a content that is not a string."),
        Check("random conversations", [Case(_random_conversation(rng)) for _ in range(6)],
              expect=same_string(render_template, hidden=True), hidden=True,
              hint="Apply the same rules to every message; check the default system rule."),
    ]


# --------------------------------------------------------------------------------------------
# llm.few_shot

def few_shot_reference(instruction: str, examples: Sequence[Sequence[str]], query: str,
                       input_label: str = "Input", output_label: str = "Output") -> str:
    lines: list[str] = []
    if instruction:
        lines += [instruction, ""]
    for x, y in examples:
        lines += [input_label + ": " + x, output_label + ": " + y, ""]
    lines += [input_label + ": " + query, output_label + ":"]
    return "\n".join(lines)


def few_shot() -> list[Check]:
    rng = _rng(1)
    sentiment = [("I loved this film!", "positive"), ("Terrible service.", "negative")]
    ref = same_string(few_shot_reference)
    words = ["cat", "dog", "mat", "sun", "rain", "blue", "42"]

    def random_case() -> Case:
        examples = [(" ".join(rng.choice(words, 3)), str(rng.choice(words)))
                    for _ in range(int(rng.integers(1, 5)))]
        return Case("Continue the pattern.", examples, " ".join(rng.choice(words, 2)))

    return [
        Check("two examples", [Case("Classify the sentiment.", sentiment, "What a great day.")],
              expect=ref,
              hint="Instruction, blank line, then 'Input: x' and 'Output: y' per example, a "
                   "blank line between blocks, and 'Input: query' / 'Output:' at the end."),
        Check("zero-shot (no examples)", [Case("Translate to French.", [], "cheese")],
              expect=ref, hint="With no examples: the instruction, a blank line, the query block."),
        Check("other labels", [Case("Translate.", [("cat", "chat")], "dog", "English", "French")],
              expect=ref, hint="Use input_label and output_label instead of Input and Output."),
        Check("no trailing space after the last label",
              [Case("Add.", [("2 + 2", "4")], "3 + 3")], expect=ref,
              hint="The prompt ends with 'Output:' exactly: the model's next token brings its "
                   "own leading space."),
        Check("empty instruction", [Case("", sentiment, "Meh.")], expect=ref,
              hint="An empty instruction is left out (no blank line at the start)."),
        Check("invalid examples",
              [Case("Add.", [("2 + 2",)], "3 + 3"), Case("Add.", [("1", 2)], "3"),
               Case("Add.", ["2 + 2 = 4"], "3 + 3")],
              expect=raises(ValueError),
              hint="Each example must be a pair (input, output) of strings."),
        Check("random prompts", [random_case() for _ in range(4)],
              expect=same_string(few_shot_reference, hidden=True), hidden=True,
              hint="Join the blocks with '\\n\\n' and the two lines of a block with '\\n'."),
    ]


# --------------------------------------------------------------------------------------------
# llm.temperature

def temperature_reference(logits: Any, temperature: float = 1.0) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64)
    if temperature == 0:
        return (np.arange(z.shape[-1]) == np.argmax(z, axis=-1)[..., None]).astype(float)
    return special.softmax(z / temperature, axis=-1)


def temperature() -> list[Check]:
    rng = _rng(2)
    ref = close_to(temperature_reference, rtol=1e-9, atol=1e-12)
    checks = [
        Check("temperature 1 is the softmax", [Case(np.array([2.0, 1.0, 0.1]), 1.0),
                                               Case(rng.normal(size=10), 1.0)],
              expect=ref, hint="p_i = exp(z_i / T) / sum_j exp(z_j / T)."),
        Check("low and high temperatures", [Case(np.array([2.0, 1.0, 0.1]), t)
                                            for t in (0.1, 0.5, 2.0, 10.0)],
              expect=ref, hint="Divide the logits by the temperature before the softmax."),
        Check("a batch of rows", [Case(rng.normal(size=(4, 7)), 0.7)], expect=ref,
              hint="Work along the last axis: max and sum with axis=-1, keepdims=True."),
        Check("temperature 0 is greedy", [Case(np.array([0.5, 3.0, -1.0]), 0.0),
                                          Case(np.array([[1.0, 2.0], [5.0, -5.0]]), 0.0)],
              expect=ref,
              hint="T = 0 is the limit: probability 1 on the largest logit (np.argmax), 0 elsewhere."),
        Check("ties at temperature 0", [Case(np.array([1.0, 4.0, 4.0]), 0.0)], expect=ref,
              hint="On a tie, np.argmax picks the first largest: put all the mass there."),
        Check("large logits do not overflow", [Case(np.array([1000.0, 999.0, 990.0]), 1.0),
                                               Case(np.array([-800.0, -801.0]), 0.5)],
              expect=ref,
              hint="exp(1000) overflows: subtract the largest logit first (it does not change p)."),
        Check("invalid temperature", [Case(np.array([1.0, 2.0]), -1.0)],
              expect=raises(ValueError), hint="A negative temperature means nothing: raise ValueError."),
    ]
    logits = real_logits()
    if logits is not None:
        checks.append(Check("SmolLM2's real next-token logits",
                            [Case(logits, t, label=f"SmolLM2's 49152 logits, temperature = {t}")
                             for t in (0.3, 1.0, 1.5)],
                            expect=close_to(temperature_reference, rtol=1e-7, atol=1e-14,
                                            hidden=True), hidden=True,
                            hint="The same formula works for 49152 logits; subtract the max."))
    checks.append(Check("random logits and temperatures",
                        [Case(rng.normal(scale=20, size=(3, 50)), float(t))
                         for t in rng.uniform(0.05, 3, size=3)],
                        expect=close_to(temperature_reference, rtol=1e-9, atol=1e-12, hidden=True),
                        hidden=True, hint="Divide by T, subtract the max, exponentiate, normalise."))
    return checks


# --------------------------------------------------------------------------------------------
# llm.top_k_top_p

def _numpy_top_k_top_p(z: np.ndarray, top_k: int, top_p: float) -> np.ndarray:
    z = np.array(z, dtype=np.float64, ndmin=2)
    if top_k:
        k = min(top_k, z.shape[-1])
        kth = -np.sort(-z, axis=-1)[:, k - 1:k]
        z = np.where(z < kth, -np.inf, z)
    p = special.softmax(z, axis=-1)
    if top_p < 1.0:
        idx = np.argsort(p, axis=-1)                                 # ascending, like HF
        cum = np.cumsum(np.take_along_axis(p, idx, axis=-1), axis=-1)
        remove_sorted = cum <= 1 - top_p
        remove_sorted[:, -1] = False                                 # keep at least one
        remove = np.zeros_like(remove_sorted)
        np.put_along_axis(remove, idx, remove_sorted, axis=-1)
        z = np.where(remove, -np.inf, z)
        p = special.softmax(z, axis=-1)
    return p


def top_k_top_p_reference(logits: Any, top_k: int = 0, top_p: float = 1.0) -> np.ndarray:
    """Hugging Face's warpers (TopK, then TopP) and a softmax; NumPy when they are missing."""
    z = np.asarray(logits, dtype=np.float64)
    try:
        import torch
        from transformers.generation.logits_process import TopKLogitsWarper, TopPLogitsWarper
    except ImportError:
        return _numpy_top_k_top_p(z, top_k, top_p).reshape(z.shape)
    scores = torch.tensor(np.atleast_2d(z))
    if top_k:
        scores = TopKLogitsWarper(top_k=top_k)(None, scores)
    if top_p < 1.0:
        scores = TopPLogitsWarper(top_p=top_p)(None, scores)
    return torch.softmax(scores, dim=-1).numpy().reshape(z.shape)


def top_k_top_p() -> list[Check]:
    rng = _rng(3)
    z = np.array([2.0, 0.5, 1.2, -1.0, 0.9, 3.1])
    ref = close_to(top_k_top_p_reference, rtol=1e-7, atol=1e-12)
    checks = [
        Check("no filtering is the softmax", [Case(z), Case(z, 0, 1.0)], expect=ref,
              hint="top_k = 0 and top_p = 1 keep every token: return the softmax."),
        Check("top-k", [Case(z, 1), Case(z, 3), Case(z, 6), Case(z, 10)], expect=ref,
              hint="Keep the k largest logits, set the others' probability to 0, renormalise; "
                   "k >= V keeps everything."),
        Check("top-p", [Case(z, 0, p) for p in (0.5, 0.8, 0.95)], expect=ref,
              hint="Sort by probability, most likely first; keep tokens until their total "
                   "reaches top_p, including the token that crosses it."),
        Check("a tiny top-p keeps one token", [Case(z, 0, 0.01)], expect=ref,
              hint="At least one token is always kept: the most probable."),
        Check("top-k, then top-p", [Case(z, 3, 0.7), Case(z, 4, 0.9)], expect=ref,
              hint="Filter with top-k first, take the softmax of the survivors, then apply "
                   "top-p to that distribution."),
        Check("a batch of rows", [Case(rng.normal(size=(3, 8)), 4, 0.8)], expect=ref,
              hint="Each row is a separate distribution: sort and sum along the last axis."),
        Check("invalid settings", [Case(z, -1), Case(z, 0, 0.0), Case(z, 0, 1.5),
                                   Case(z, 2.5)],
              expect=raises(ValueError),
              hint="top_k must be a whole number >= 0 and top_p must lie in (0, 1]."),
    ]
    logits = real_logits()
    if logits is not None:
        checks.append(Check("SmolLM2's real next-token logits",
                            [Case(logits, k, p, label=f"SmolLM2's 49152 logits, top_k = {k}, "
                                                      f"top_p = {p}")
                             for k, p in ((0, 0.9), (50, 0.95), (10, 1.0))],
                            expect=close_to(top_k_top_p_reference, rtol=1e-6, atol=1e-12,
                                            hidden=True), hidden=True,
                            hint="With 49152 tokens, loops are slow: sort with np.argsort and "
                                 "sum with np.cumsum."))
    checks.append(Check("random logits and settings",
                        [Case(rng.normal(scale=2, size=(2, 30)), int(k), float(p))
                         for k, p in zip(rng.integers(0, 20, 4), rng.uniform(0.2, 0.99, 4),
                                         strict=True)],
                        expect=close_to(top_k_top_p_reference, rtol=1e-7, atol=1e-12,
                                        hidden=True), hidden=True,
                        hint="top-k first, then top-p on the renormalised survivors."))
    return checks


# --------------------------------------------------------------------------------------------
# llm.perplexity

def logprobs_reference(logits: Any, targets: Any) -> np.ndarray:
    """-cross_entropy(logits, targets, reduction='none'): torch, or SciPy without it."""
    z, y = np.asarray(logits, dtype=np.float64), np.asarray(targets, dtype=np.int64)
    try:
        import torch
    except ImportError:
        return special.log_softmax(z, axis=-1)[np.arange(len(y)), y]
    return -torch.nn.functional.cross_entropy(torch.tensor(z), torch.tensor(y), reduction="none").numpy()


def perplexity_reference(logprobs: Any) -> float:
    return float(np.exp(-np.mean(np.asarray(logprobs, dtype=np.float64))))


def _ppl_of_logits(logits: Any, targets: Any) -> float:
    """exp(cross-entropy): the perplexity of the targets under the logits."""
    return float(np.exp(-np.mean(logprobs_reference(logits, targets))))


def perplexity() -> list[Check]:
    rng = _rng(4)
    V = 50
    z, y = rng.normal(size=(6, V)), rng.integers(0, V, size=6)
    lp_ref = close_to(logprobs_reference, rtol=1e-9, atol=1e-12)
    ppl_ref = close_to(perplexity_reference, rtol=1e-9)
    return [
        Check("log-probabilities of the targets", [Case(z, y), Case(np.array([[0.0, 0.0]]),
                                                                    np.array([1]))],
              expect=lp_ref, function="token_logprobs",
              hint="log p = z[t, y_t] - log(sum_j exp(z[t, j])): a log-softmax, then pick."),
        Check("large logits (log-sum-exp)", [Case(np.array([[1000.0, 0.0, -5.0],
                                                            [-1000.0, -999.0, -1001.0]]),
                                                  np.array([0, 2]))],
              expect=lp_ref, function="token_logprobs",
              hint="exp(1000) overflows: subtract each row's max m, log-sum-exp = m + log(sum exp(z - m))."),
        Check("invalid shapes and ids", [Case(z, y[:3]), Case(z, np.array([0, 1, 2, 3, 4, V])),
                                         Case(z[0], y[:1]), Case(z, -y - 1)],
              expect=raises(ValueError), function="token_logprobs",
              hint="logits must be (T, V), targets (T,), every id in [0, V)."),
        Check("perplexity of log-probabilities",
              [Case(np.log(np.array([0.5, 0.25, 0.125]))), Case(np.full(7, -np.log(V)))],
              expect=ppl_ref, function="perplexity",
              hint="exp(-mean(log p)): a uniform guess among V tokens has perplexity V."),
        Check("perplexity of one token", [Case(np.array([-2.0]))], expect=ppl_ref,
              function="perplexity", hint="With T = 1 it is 1 / p."),
        Check("invalid log-probabilities",
              [Case(np.array([]), label="logprobs = [] (empty)"), Case(np.array([-1.0, 0.5]))],
              expect=raises(ValueError), function="perplexity",
              hint="Raise ValueError when there is nothing to average or a log-probability is > 0."),
        Check("perplexity from logits equals exp(cross-entropy)",
              [Case("token_logprobs", "perplexity", rng.normal(scale=3, size=(20, 100)),
                    rng.integers(0, 100, size=20), driver=f"{DRIVERS}:perplexity_of_logits",
                    label="perplexity(token_logprobs(logits, targets)), 20 tokens, V = 100")],
              expect=satisfies(lambda case, value: compare_values(
                  _ppl_of_logits(*case.args[2:]), value, rtol=1e-9,
                  what="perplexity(token_logprobs(...))")),
              hint="The mean negative log-probability is the cross-entropy; its exp is the "
                   "perplexity."),
        Check("random logits", [Case(rng.normal(scale=5, size=(T, 300)),
                                     rng.integers(0, 300, size=T)) for T in (1, 40)],
              expect=close_to(logprobs_reference, rtol=1e-9, atol=1e-12, hidden=True),
              function="token_logprobs", hidden=True,
              hint="Pick each row's target with fancy indexing: z[np.arange(T), y]."),
        Check("random log-probabilities", [Case(-rng.exponential(3, size=n)) for n in (5, 500)],
              expect=close_to(perplexity_reference, rtol=1e-9, hidden=True),
              function="perplexity", hidden=True, hint="exp of minus the mean."),
    ]


# --------------------------------------------------------------------------------------------
# llm.parse_json

def parse_json_reference(text: str, required: Sequence[str] = ()) -> dict[str, Any]:
    """Brute force: the first '{' whose text up to some '}' is a JSON object."""
    for i, c in enumerate(text):
        if c != "{":
            continue
        for j in range(len(text), i, -1):
            if text[j - 1] != "}":
                continue
            try:
                value = json.loads(text[i:j])
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                if any(k not in value for k in required):
                    raise ValueError("missing key")
                return value
    raise ValueError("no JSON object")


def _same_json(case: Case, value: Any) -> str | None:
    expected = parse_json_reference(*case.args, **case.kwargs)
    if value is None:
        return "your function returned None: did you forget `return`?"
    if not isinstance(value, dict):
        return f"the result should be a dict, but your code returned {type(value).__name__}"
    if value != expected or json.dumps(value, sort_keys=True) != json.dumps(expected, sort_keys=True):
        return f"expected {expected!r}, received {value!r}"
    return None


def _error_names_keys(case: Case, outcome: Any) -> str | None:
    if outcome.error is None:
        return f"a required key is missing, so this should raise ValueError; it returned {outcome.value!r}"
    if not outcome.error.is_a(ValueError):
        return f"expected ValueError, but your function raised {outcome.error.type}: {outcome.error.message}"
    missing = [k for k in case.kwargs.get("required", case.args[1] if len(case.args) > 1 else ())
               if k not in parse_json_reference(case.args[0])]
    if not all(k in outcome.error.message for k in missing):
        return (f"the error message should name the missing key(s) {missing}, so that the model "
                f"can be told what to fix; it was {outcome.error.message!r}")
    return None


_error_names_keys.expects_error = True  # type: ignore[attr-defined]


def parse_json() -> list[Check]:
    ok = satisfies(_same_json)
    person = '{"name": "Ada", "age": 36}'
    return [
        Check("just JSON", [Case(person), Case('{"a": [1, 2, {"b": null}], "c": true}')],
              expect=ok, hint="json.loads parses a whole string that is exactly one JSON value."),
        Check("JSON inside prose", [Case(f"Sure! Here it is: {person} Hope this helps.")],
              expect=ok, hint="Find the first '{' (str.find), then parse from there: "
                              "json.JSONDecoder().raw_decode(text, index) ignores what follows."),
        Check("JSON in a code fence", [Case(f"```json\n{person}\n```")], expect=ok,
              hint="Models love ```json fences: skip to the first '{'."),
        Check("nested objects", [Case('Result: {"user": {"name": "Bo", "tags": ["x"]}, "ok": false}')],
              expect=ok, hint="Do not cut at the first '}': let the JSON parser find the end."),
        Check("braces in the prose before the JSON",
              [Case('Use {curly braces} for objects: {"answer": 42}'),
               Case('Set {x} = 1. {"x": 1}')],
              expect=ok, hint="If parsing from one '{' fails, try the next '{'."),
        Check("two objects: the first one wins", [Case('{"a": 1} and then {"b": 2}')],
              expect=ok, hint="Take the first complete object, not the span from the first '{' "
                              "to the last '}'."),
        Check("required keys present", [Case(person, ["name", "age"]), Case(person, ())],
              expect=ok, hint="Check that every required key is in the parsed dict."),
        Check("a required key is missing",
              [Case(person, ["name", "email"]), Case('{"b": 1}', required=["a", "c"])],
              expect=_error_names_keys,
              hint="Raise ValueError naming the missing key(s), e.g. f\"missing key(s) {missing}\"."),
        Check("no JSON object", [Case("I cannot answer that."), Case("{name: Ada}"),
                                 Case('["a", "list"]'), Case("")],
              expect=raises(ValueError),
              hint="Raise ValueError when no '{' starts a valid JSON object (JSON needs "
                   "double-quoted keys)."),
        Check("more model replies",
              [Case('Okay.\n\n```\n{"city": "Paris", "population": 2.1e6}\n```\nAnything else?'),
               Case('{"a": "a } inside a string", "b": [1, {"c": 2}]} trailing'),
               Case('Answer {not json} {"k": "v"} {"later": 1}', ["k"])],
              expect=satisfies(_same_json), hidden=True,
              hint="Let json parse: a '}' inside a string does not end the object."),
    ]


# --------------------------------------------------------------------------------------------
# llm.retry

def _retry_case(replies: list[str], max_attempts: int = 3, label: str = "",
                driver: str = "run_retry") -> Case:
    return Case(replies, max_attempts, driver=f"{DRIVERS}:{driver}",
                label=label or f"a fake model that replies {replies}, max_attempts = {max_attempts}")


def _retry_result(expected_calls: int, expect_value: Any) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        if not isinstance(value, dict) or "calls" not in value:
            return f"the driver could not run your function (it returned {value!r})"
        if "error" in value:
            return f"your function raised {value['error']}: {value['message']}"
        prompts = value["prompts"]
        if value["calls"] != expected_calls:
            return (f"the model should have been called {expected_calls} time(s), but it was "
                    f"called {value['calls']} time(s)")
        if value["value"] != expect_value:
            return f"expected the validated value {expect_value!r}, received {value['value']!r}"
        from groundup.curriculum.checks.llm_drivers import PROMPT, error_for
        if prompts[0] != PROMPT:
            return f"the first attempt should send the prompt unchanged, it sent {prompts[0]!r}"
        for k in range(1, len(prompts)):
            error = error_for(case.args[0][k - 1])
            if not prompts[k].startswith(PROMPT) or error not in prompts[k]:
                return (f"attempt {k + 1} should send the original prompt followed by the error "
                        f"of attempt {k} ({error!r}); it sent {prompts[k]!r}")
        return None
    return predicate


def _gives_up(expected_calls: int) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        if not isinstance(value, dict) or "calls" not in value:
            return f"the driver could not run your function (it returned {value!r})"
        if "error" not in value:
            return (f"no reply was valid, so your function should raise ValueError; it returned "
                    f"{value.get('value')!r}")
        if value["error"] != "ValueError":
            return f"expected ValueError, but your function raised {value['error']}: {value['message']}"
        if value["calls"] != expected_calls:
            return (f"with max_attempts = {case.args[1]} the model should be called "
                    f"{expected_calls} time(s) before giving up, not {value['calls']}")
        return None
    return predicate


def retry() -> list[Check]:
    good, bad, missing = '{"name": "Ada", "age": 36}', "I think Ada is 36.", '{"name": "Ada"}'
    value = {"name": "Ada", "age": 36}
    rng = _rng(5)
    hidden_cases = []
    for _ in range(3):
        n_bad = int(rng.integers(0, 4))
        replies = [str(rng.choice([bad, missing, "{oops"])) for _ in range(n_bad)] + [good]
        hidden_cases.append((replies, n_bad + 1))
    return [
        Check("a valid first reply", [_retry_case([good])],
              expect=satisfies(_retry_result(1, value)),
              hint="Call generate(prompt), then validate(reply); if it does not raise, return "
                   "what validate returned."),
        Check("valid at the third attempt", [_retry_case([bad, missing, good])],
              expect=satisfies(_retry_result(3, value)),
              hint="On ValueError, try again with the original prompt followed by the error "
                   "message (str(error)), so that the model knows what to fix."),
        Check("never valid: give up after max_attempts",
              [_retry_case([bad] * 5, 3), _retry_case([missing] * 5, 1),
               _retry_case([bad, bad, good], 2)],
              expect=satisfies(_gives_up_any()),
              hint="Call the model at most max_attempts times in total, then raise ValueError."),
        Check("max_attempts below 1", [_retry_case([good], 0)], expect=raises(ValueError),
              hint="max_attempts must be >= 1: raise ValueError before calling the model."),
        Check("only ValueError is retried",
              [_retry_case([good], 3, driver="run_retry_buggy_validator",
                           label="a validator that raises TypeError (a bug, not a bad reply)")],
              expect=satisfies(_bug_not_retried),
              hint="Catch ValueError only: other exceptions are bugs, and retrying hides them."),
        Check("scripted models", [_retry_case(r, 5) for r, _ in hidden_cases],
              expect=satisfies(lambda case, v: _retry_result(len(case.args[0]), value)(case, v)
                               and "the attempts or the prompts differ from what was expected"),
              hidden=True, hint="Count the calls; feed back each error."),
    ]


def _gives_up_any() -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        return _gives_up(case.args[1])(case, value)
    return predicate


def _bug_not_retried(case: Case, value: Any) -> str | None:
    if not isinstance(value, dict) or "calls" not in value:
        return f"the driver could not run your function (it returned {value!r})"
    if value.get("error") != "TypeError":
        got = f"raised {value['error']}" if "error" in value else f"returned {value.get('value')!r}"
        return f"the validator's TypeError should propagate out of your function, but it {got}"
    if value["calls"] != 1:
        return (f"a TypeError is not a bad reply: the model should be called once, not "
                f"{value['calls']} times")
    return None
