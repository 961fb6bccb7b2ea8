"""Figures for the LLM lessons (matplotlib, Agg backend, deterministic).

The figures never need the ``llm`` extra: what SmolLM2 computed (one next-token distribution,
the perplexity of a few texts, the per-token log-probabilities of a sentence) is kept in
``groundup/data/llm_logits.npz``, made by :func:`make_cached_data` with the real model.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

from groundup import llm  # noqa: E402
from groundup.curriculum.figures import DPI, save  # noqa: E402

DATA_PATH = Path(llm.__file__).parent / "data" / "llm_logits.npz"

STORY_PROMPT = "Once upon a time, there was a little"
SURPRISAL_TEXT = "The capital of France is Paris, and the capital of Italy is Rome."
PERPLEXITY_TEXTS = {
    "plain English": "The cat sat on the mat and looked out of the window at the rain.",
    "Shakespeare": "To be, or not to be, that is the question.",
    "code": "for i in range(10):\n    print(i * i)",
    "shuffled words": "window the rain out sat mat looked the cat and on of at the.",
    "random letters": "xq zv kpw lrrt ujh bnm qeo",
}
#: LoRA before/after, measured with ``groundup.finetune.finetune_demo()`` (see lesson 3):
#: the fraction right of the six new facts, and of the six control questions never trained on.
LORA_RESULTS = {"new facts": (0.0, 1.0), "control questions": (1.0, 5 / 6)}


def make_cached_data(path: Path = DATA_PATH) -> Path:
    """Run SmolLM2 (needs ``groundup[llm]``) and save what the figures show."""
    model = llm.load(n_ctx=512, logits_all=True)
    ids = model.tokenize(STORY_PROMPT.encode(), add_bos=False, special=False)
    model.reset()
    model.eval(ids)
    logits = np.array(model.scores[len(ids) - 1], dtype=np.float32)    # (V,), a copy
    top = np.argsort(-logits)[:40]
    top_tokens = [model.detokenize([int(i)]).decode("utf-8", errors="replace") for i in top]
    tokens, logprobs = llm.text_logprobs(SURPRISAL_TEXT)
    ppl = [llm.text_perplexity(text) for text in PERPLEXITY_TEXTS.values()]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, prompt=np.array(STORY_PROMPT), logits=logits.astype(np.float16),
        top_ids=top, top_tokens=np.array(top_tokens), surprisal_tokens=np.array(tokens),
        surprisal_logprobs=logprobs, ppl_names=np.array(list(PERPLEXITY_TEXTS)),
        ppl_values=np.array(ppl))
    return path


def cached() -> dict[str, np.ndarray]:
    """The arrays saved by :func:`make_cached_data` (no pickle)."""
    with np.load(DATA_PATH, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


# --------------------------------------------------------------------------------------------
# Lesson 1: prompting

_COLOURS = {"special": "#c0392b", "role": "#2471a3", "content": "#1e8449", "default": "#7d3c98"}


def prompting(out_dir: Path) -> list[Path]:
    """The anatomy of SmolLM2's chat template, and a few-shot prompt's layout."""
    messages = [{"role": "user", "content": "What is 2 + 2?"},
                {"role": "assistant", "content": "4"},
                {"role": "user", "content": "And 3 + 3?"}]
    rendered = llm.chat_template(messages)
    fig, ax = plt.subplots(figsize=(10, 5.2))
    ax.set_axis_off()
    ax.set_title("chat_template(messages): the one string the model really reads")
    # Monospace: every character has the same width, so x advances by a fixed step.
    # Monospace: every character has the same width, so each piece starts a fixed number of
    # points to the right of the line's start (points do not change when the layout does).
    fig.set_dpi(DPI)                                  # glyph widths are hinted per DPI
    widths = []
    for n in (20, 80):                                # the difference cancels the padding
        probe = ax.text(0, 0, "x" * n, family="monospace", fontsize=10)
        fig.canvas.draw()
        widths.append(probe.get_window_extent().width * 72 / fig.dpi)
        probe.remove()
    char_pt = (widths[1] - widths[0]) / 60
    lines = rendered.split("\n")[:-1]                 # the string ends with a newline
    step = 0.075
    for row, line in enumerate(lines):
        y = 0.93 - step * row
        pieces: list[tuple[str, str]] = []
        rest = line
        if rest.startswith(llm.IM_START):
            pieces.append((llm.IM_START, "special"))
            rest = rest[len(llm.IM_START):]
            if rest in llm.ROLES:
                pieces.append((rest, "role"))
                rest = ""
        if rest.endswith(llm.IM_END):
            body = rest[: -len(llm.IM_END)]
            kind = "default" if body == llm.DEFAULT_SYSTEM_PROMPT else "content"
            pieces += [(body, kind), (llm.IM_END, "special")]
        elif rest:
            pieces.append((rest, "content"))
        offset = 0.0
        for text, kind in pieces + [("\\n", "newline")]:
            ax.annotate(text, xy=(0.02, y), xycoords="axes fraction", xytext=(offset, 0),
                        textcoords="offset points", family="monospace", fontsize=10,
                        color=_COLOURS.get(kind, "gray"), va="center")
            offset += char_pt * len(text)
    last_y = 0.93 - step * (len(lines) - 1)
    ax.annotate("generation prompt: the model writes its reply after this line",
                xy=(0.3, last_y), xytext=(0.45, last_y + 0.02),
                xycoords="axes fraction", fontsize=9, va="center",
                arrowprops={"arrowstyle": "->", "color": "gray"})
    notes = [("special tokens: one token each, never typed by users", "special"),
             ("role names", "role"), ("message contents", "content"),
             ("SmolLM2's default system prompt (added when there is none)", "default")]
    for i, (text, kind) in enumerate(notes):
        ax.text(0.02 + 0.48 * (i % 2), 0.12 - 0.06 * (i // 2), "■ " + text,
                color=_COLOURS[kind], fontsize=9, transform=ax.transAxes)
    return [save(fig, out_dir, "chat_template.png")]


# --------------------------------------------------------------------------------------------
# Lesson 2: sampling and perplexity

def _entropy_bits(p: np.ndarray) -> float:
    q = p[p > 0]
    return float(-(q * np.log2(q)).sum())


def sampling(out_dir: Path) -> list[Path]:
    """Temperature, top-k/top-p on SmolLM2's real next-token logits; perplexity of texts."""
    data = cached()
    logits = data["logits"].astype(np.float64)
    top_ids, labels = data["top_ids"][:12], [repr(str(t)) for t in data["top_tokens"][:12]]
    prompt = str(data["prompt"])

    fig, axes = plt.subplots(1, 4, figsize=(14, 3.9), sharey=True)
    for ax, tau in zip(axes, (0.3, 0.7, 1.0, 1.5), strict=True):
        p = llm.softmax_with_temperature(logits, tau)
        ax.barh(np.arange(12), p[top_ids], color="#2471a3")
        ax.set(title=f"τ = {tau}: entropy {_entropy_bits(p):.1f} bits",
               xlabel="probability", xlim=(0, 1))
        ax.text(0.97, 0.03, f"top 12 hold {p[top_ids].sum():.0%}", transform=ax.transAxes,
                ha="right", fontsize=8)
    axes[0].set_yticks(np.arange(12), labels, family="monospace")
    axes[0].invert_yaxis()
    axes[0].set_ylabel("next token")
    fig.suptitle(f"SmolLM2's next token after {prompt!r}, at four temperatures")
    first = save(fig, out_dir, "temperature.png")

    fig, axes = plt.subplots(1, 3, figsize=(13, 3.9), sharey=True)
    settings = [("no filter", 0, 1.0), ("top-k = 5", 5, 1.0), ("top-p = 0.6", 0, 0.6)]
    for ax, (name, k, top_p) in zip(axes, settings, strict=True):
        p = llm.top_k_top_p(logits, top_k=k, top_p=top_p)
        kept = int((p > 0).sum())
        ax.barh(np.arange(12), p[top_ids], color=np.where(p[top_ids] > 0, "#1e8449", "#bbbbbb"))
        ax.set(title=f"{name}: {kept} token{'s' if kept != 1 else ''} kept",
               xlabel="probability after filtering", xlim=(0, 1))
    axes[0].set_yticks(np.arange(12), labels, family="monospace")
    axes[0].invert_yaxis()
    second = save(fig, out_dir, "top_k_top_p.png")

    fig, axes = plt.subplots(1, 2, figsize=(13, 4.2), gridspec_kw={"width_ratios": [1, 1.6]})
    names, values = list(data["ppl_names"]), data["ppl_values"]
    axes[0].barh(np.arange(len(names)), values, color="#7d3c98")
    axes[0].set_xscale("log")
    axes[0].set_yticks(np.arange(len(names)), names)
    axes[0].invert_yaxis()
    for i, v in enumerate(values):
        axes[0].text(v, i, f" {v:.0f}", va="center", fontsize=8)
    axes[0].set(title="SmolLM2's perplexity on five texts", xlabel="perplexity (log scale)")
    tokens, lp = list(data["surprisal_tokens"]), data["surprisal_logprobs"]
    surprisal = -lp / np.log(2)                                   # bits
    axes[1].bar(np.arange(len(tokens)), surprisal, color="#c0392b")
    axes[1].set_xticks(np.arange(len(tokens)), [repr(str(t))[1:-1] for t in tokens], rotation=70,
                       family="monospace", fontsize=8)
    axes[1].set(title=f"surprise per token, -log2 p: perplexity {llm.perplexity(lp):.1f}",
                ylabel="bits")
    third = save(fig, out_dir, "perplexity.png")
    return [first, second, third]


# --------------------------------------------------------------------------------------------
# Lesson 3: structured output, injection, fine-tuning

def structured(out_dir: Path) -> list[Path]:
    """The validate-and-retry loop, and LoRA's before/after accuracy on the new facts."""
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(12, 4.2), gridspec_kw={"width_ratios": [1.7, 1]})
    ax.set_axis_off()
    ax.set(xlim=(0, 10), ylim=(0, 6), title="json_with_retry: ask, validate, ask again")
    boxes = {"prompt": (1.2, 5.0, "prompt"), "model": (4.5, 5.0, "generate(prompt)\n(the LLM)"),
             "validate": (8.2, 5.0, "validate(reply)\nparse_json + keys"),
             "ok": (8.2, 1.2, "return the value"),
             "retry": (4.5, 1.2, "retry_prompt(prompt, error)\nattempts < max?"),
             "fail": (1.2, 1.2, "raise ValueError\n(no valid reply)")}
    for x, y, text in boxes.values():
        ax.text(x, y, text, ha="center", va="center", fontsize=9,
                bbox={"boxstyle": "round,pad=0.5", "fc": "#eaf2f8", "ec": "#2471a3"})
    arrows = [((2.0, 5.0), (3.3, 5.0), ""), ((5.7, 5.0), (6.9, 5.0), "reply"),
              ((8.2, 4.4), (8.2, 1.8), "valid"), ((7.5, 4.4), (5.3, 1.8), "ValueError"),
              ((4.5, 1.8), (4.5, 4.4), "yes"), ((3.0, 1.2), (2.3, 1.2), "no")]
    for start, end, label in arrows:
        ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "color": "gray"})
        if label:
            ax.text((start[0] + end[0]) / 2 + 0.1, (start[1] + end[1]) / 2 + 0.15, label,
                    fontsize=8, color="#c0392b" if label == "ValueError" else "black")
    groups = np.arange(len(LORA_RESULTS))
    for shift, (label, color, i) in zip((-0.2, 0.2), (("before LoRA", "#bbbbbb", 0),
                                                      ("after LoRA", "#1e8449", 1)), strict=True):
        values = [pair[i] for pair in LORA_RESULTS.values()]
        bars = bx.bar(groups + shift, values, width=0.4, color=color, label=label)
        for bar in bars:
            bx.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 0.02,
                    f"{bar.get_height():.0%}", ha="center", fontsize=8)
    bx.set_xticks(groups, list(LORA_RESULTS))
    bx.set(ylim=(0, 1.25), ylabel="answered right",
           title="finetune_demo(): new facts learnt, most old ones kept")
    bx.legend(loc="upper right", fontsize=8)
    return [save(fig, out_dir, "retry_and_lora.png")]
