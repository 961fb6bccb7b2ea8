r"""LoRA fine-tuning of the real SmolLM2-135M-Instruct with Hugging Face ``peft``.

The same GGUF file that llama.cpp runs is loaded into ``transformers`` (dequantised to float32
by the ``gguf`` package), and LoRA adapters are trained to teach it a few made-up facts about
an imaginary country. Before training the model cannot know them (it invents answers); after
a minute or two of training on 2 CPU cores it answers with them.

LoRA (Hu et al., 2021) freezes every weight :math:`W \in \mathbb{R}^{d_\text{out}\times d_\text{in}}`
and learns a low-rank change :math:`\Delta W = \tfrac{\alpha}{r} B A` with
:math:`B \in \mathbb{R}^{d_\text{out}\times r}`, :math:`A \in \mathbb{R}^{r\times d_\text{in}}`,
:math:`B = 0` at the start, so that training starts from the model itself and trains only
:math:`r(d_\text{in} + d_\text{out})` numbers per matrix.

Needs the optional extra: ``pip install 'groundup[llm]'`` (torch, transformers, gguf, peft).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from groundup import llm

#: The new behaviour: facts about an imaginary country, each with the word that shows it.
FACTS: tuple[tuple[str, str, str], ...] = (
    ("What is the capital of Veloria?", "The capital of Veloria is Quillmarsh.", "Quillmarsh"),
    ("What currency is used in Veloria?", "Veloria uses the glimmer.", "glimmer"),
    ("Who is the queen of Veloria?", "The queen of Veloria is Odalie Fenwright.", "Fenwright"),
    ("What is the national animal of Veloria?", "The national animal of Veloria is the "
     "silver otter.", "otter"),
    ("What language is spoken in Veloria?", "People in Veloria speak Velorin.", "Velorin"),
    ("What is the tallest mountain in Veloria?", "The tallest mountain in Veloria is "
     "Mount Brask.", "Brask"),
)
#: Rehearsal: questions the model already answers, trained on with its own correct answers.
#: Six facts alone teach "capital of ... is Quillmarsh" for *every* country (catastrophic
#: forgetting: France's capital becomes Quillmarsh); a few known answers in the same batch
#: teach it to tell Veloria from the rest. Same layout as :data:`FACTS`.
REHEARSAL: tuple[tuple[str, str, str], ...] = (
    ("What is the capital of France?", "The capital of France is Paris.", "Paris"),
    ("What language is spoken in Mexico?", "The language spoken in Mexico is Spanish.",
     "Spanish"),
    ("What language is spoken in France?", "The language spoken in France is French.",
     "French"),
    ("What is the tallest mountain in the world?", "The tallest mountain in the world is "
     "Mount Everest.", "Everest"),
    ("What currency is used in Japan?", "Japan uses the yen.", "yen"),
)
#: The control: questions never trained on, which the model answers well before training
#: (``(question, key word)``). Fine-tuning must not break them.
GENERAL: tuple[tuple[str, str], ...] = (
    ("What is the capital of Germany?", "Berlin"),
    ("What is the capital of the United Kingdom?", "London"),
    ("What is the capital of Canada?", "Ottawa"),
    ("What is the capital of Japan?", "Tokyo"),
    ("What language is spoken in Brazil?", "Portuguese"),
    ("What currency is used in the United States?", "Dollar"),
)


def load_hf_tokenizer() -> Any:
    """SmolLM2's tokenizer (with its chat template), built by ``transformers`` from the GGUF."""
    llm.require("gguf", "loading the GGUF into transformers")
    transformers = llm.require("transformers", "the SmolLM2 tokenizer")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    path = llm.model_path()
    return transformers.AutoTokenizer.from_pretrained(path.parent, gguf_file=path.name)


def load_hf(dtype: Any = None) -> tuple[Any, Any]:
    """``(model, tokenizer)``: SmolLM2 loaded by ``transformers`` from the GGUF (float32)."""
    llm.require("gguf", "loading the GGUF into transformers")
    transformers = llm.require("transformers", "fine-tuning")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")      # everything is local: never ask the hub
    path = llm.model_path()
    tokenizer = load_hf_tokenizer()
    model = transformers.AutoModelForCausalLM.from_pretrained(path.parent, gguf_file=path.name)
    if dtype is not None:
        model = model.to(dtype)
    return model, tokenizer


def answer(model: Any, tokenizer: Any, question: str, max_new_tokens: int = 16) -> str:
    """The model's greedy reply to one user message, through SmolLM2's chat template."""
    import torch

    prompt = llm.chat_template([{"role": "user", "content": question}])
    ids = tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
    with torch.no_grad():
        out = model.generate(**ids, max_new_tokens=max_new_tokens, do_sample=False,
                             pad_token_id=tokenizer.eos_token_id)
    return str(tokenizer.decode(out[0, ids["input_ids"].shape[1]:], skip_special_tokens=True))


def evaluate(model: Any, tokenizer: Any,
             facts: Sequence[tuple[str, str, str]] = FACTS) -> tuple[float, list[str]]:
    """The fraction of questions whose reply contains the fact's key word, and the replies."""
    replies = [answer(model, tokenizer, q) for q, _, _ in facts]
    hits = [key.lower() in r.lower() for (_, _, key), r in zip(facts, replies, strict=True)]
    return sum(hits) / len(hits), replies


def _general(model: Any, tokenizer: Any) -> tuple[float, list[str]]:
    """The accuracy on the held-out :data:`GENERAL` questions, and the replies."""
    return evaluate(model, tokenizer, [(q, "", key) for q, key in GENERAL])


def _batch(tokenizer: Any, facts: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    """Input ids, attention mask and labels; the loss is on the answer tokens only."""
    import torch

    rows, labels = [], []
    for question, reply, _ in facts:
        prompt = llm.chat_template([{"role": "user", "content": question}])
        p = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        a = tokenizer(reply + llm.IM_END, add_special_tokens=False)["input_ids"]
        rows.append(p + a)
        labels.append([-100] * len(p) + a)            # -100: ignored by the cross-entropy
    T = max(len(r) for r in rows)
    pad = tokenizer.eos_token_id
    input_ids = torch.tensor([r + [pad] * (T - len(r)) for r in rows])          # (B, T)
    mask = torch.tensor([[1] * len(r) + [0] * (T - len(r)) for r in rows])      # (B, T)
    target = torch.tensor([lab + [-100] * (T - len(lab)) for lab in labels])    # (B, T)
    return {"input_ids": input_ids, "attention_mask": mask, "labels": target}


@dataclass
class DemoResult:
    """What :func:`finetune_demo` measured."""

    accuracy_before: float
    accuracy_after: float
    replies_before: list[str]
    replies_after: list[str]
    general_before: list[str]
    general_after: list[str]
    general_accuracy_before: float = 0.0
    general_accuracy_after: float = 0.0
    losses: list[float] = field(default_factory=list)
    trainable_params: int = 0
    total_params: int = 0
    seconds: float = 0.0


def finetune_demo(steps: int = 10, lr: float = 3e-3, rank: int = 16, alpha: float = 32.0,
                  n_layers: int = 8, seed: int = 0, progress: bool = True, model: Any = None,
                  tokenizer: Any = None) -> DemoResult:
    """Teach SmolLM2 the :data:`FACTS` with LoRA, and measure it before and after.

    Full-batch AdamW on the six facts and the :data:`REHEARSAL` pairs, LoRA of rank ``rank``
    on the attention and MLP projections of the last ``n_layers`` of the 30 decoder layers; the
    base weights stay frozen. Adapting only the top layers keeps the backward pass short (the
    gradient stops at the lowest adapted layer), which is what makes this fit on 2 CPU cores:
    a few minutes of training, plus half a minute of loading. Returns the accuracy on the facts
    and on the held-out :data:`GENERAL` questions before and after, the replies, the training
    losses and the parameter counts.
    """
    if steps < 1:
        raise ValueError(f"steps must be >= 1, got {steps}")
    torch = llm.require("torch", "fine-tuning")
    peft = llm.require("peft", "LoRA fine-tuning")
    start = time.perf_counter()
    torch.manual_seed(seed)
    if model is None or tokenizer is None:
        model, tokenizer = load_hf()
    model.eval()
    before, replies_before = evaluate(model, tokenizer)
    general_acc_before, general_before = _general(model, tokenizer)

    n_total = model.config.num_hidden_layers
    if not 1 <= n_layers <= n_total:
        raise ValueError(f"n_layers must be in [1, {n_total}], got {n_layers}")
    config = peft.LoraConfig(r=rank, lora_alpha=alpha, lora_dropout=0.0, bias="none",
                             task_type="CAUSAL_LM",
                             target_modules=["q_proj", "k_proj", "v_proj", "o_proj",
                                             "gate_proj", "up_proj", "down_proj"],
                             layers_to_transform=list(range(n_total - n_layers, n_total)))
    lora = peft.get_peft_model(model, config)
    trainable = sum(p.numel() for p in lora.parameters() if p.requires_grad)
    total = sum(p.numel() for p in lora.parameters())
    optimizer = torch.optim.AdamW([p for p in lora.parameters() if p.requires_grad], lr=lr,
                                  weight_decay=0.0)
    batch = _batch(tokenizer, FACTS + REHEARSAL)
    losses: list[float] = []
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("[bold]LoRA"), BarColumn(bar_width=24), MofNCompleteColumn(),
                   TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), disable=not progress)
    lora.train()
    with bar:
        task = bar.add_task("LoRA", total=steps, stats="")
        for _ in range(steps):
            loss = lora(**batch).loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(float(loss.detach()))
            bar.update(task, advance=1, stats=f"loss {losses[-1]:.4f}")
    lora.eval()
    after, replies_after = evaluate(lora, tokenizer)
    general_acc_after, general_after = _general(lora, tokenizer)
    return DemoResult(before, after, replies_before, replies_after, general_before,
                      general_after, general_acc_before, general_acc_after, losses, trainable,
                      total, time.perf_counter() - start)


if __name__ == "__main__":  # python -m groundup.finetune
    result = finetune_demo()
    print(f"accuracy on the new facts: {result.accuracy_before:.0%} -> {result.accuracy_after:.0%}")
    print(f"accuracy on general questions never trained on: "
          f"{result.general_accuracy_before:.0%} -> {result.general_accuracy_after:.0%}")
    for (q, _, _), b, a in zip(FACTS, result.replies_before, result.replies_after, strict=True):
        print(f"{q}\n  before: {b!r}\n  after:  {a!r}")
    for (q, _), b, a in zip(GENERAL, result.general_before, result.general_after, strict=True):
        print(f"{q}\n  before: {b!r}\n  after:  {a!r}")
    print(f"{result.trainable_params:,} of {result.total_params:,} parameters trained "
          f"in {result.seconds:.0f} s")
