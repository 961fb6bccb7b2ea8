"""Figures for the GPT lesson (matplotlib, Agg backend, seeded).

Training the recipe takes minutes, so the figures read a record of one full run (curves,
samples, next-character logits after a prompt, LoRA numbers) from
``groundup/data/gpt_shakespeare_run.json``, written once by :func:`record_full_run`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

from groundup import sampling  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402
from groundup.gpt import GPT, data, train  # noqa: E402
from groundup.nn import no_grad  # noqa: E402

RECORD = Path(__file__).resolve().parents[2] / "data" / "gpt_shakespeare_run.json"
PROMPT = "ROMEO:\nBut soft, what light"


def full_run() -> dict[str, Any]:
    """The cached record of the full recipe (see :func:`record_full_run`)."""
    return json.loads(RECORD.read_text())


def record_full_run(path: Path = RECORD, iters: int = 2000, seed: int = 1337) -> dict[str, Any]:
    """Train the full recipe once and write what the lesson shows to ``path`` (JSON): the
    curves, the final validation loss, samples, the next-character logits after
    :data:`PROMPT`, and a LoRA fine-tuning on the sonnets. Minutes; run it by hand::

        python -m groundup.curriculum.figures.gpt
    """
    import time

    from groundup.gpt.train import estimate_loss, finetune_lora

    vocab, _, val_ids = data.load_corpus()
    start = time.perf_counter()
    model, hist = train(iters=iters, seed=seed, progress=True)
    seconds = time.perf_counter() - start
    final = estimate_loss(model, val_ids, 200, 12, rng=0)
    prompt = vocab.encode(PROMPT)[None]
    samples = {}
    settings: list[tuple[str, dict[str, Any]]] = [
        ("temperature 0.5", {"temperature": 0.5}),
        ("temperature 1.0", {"temperature": 1.0}),
        ("temperature 1.5", {"temperature": 1.5}),
        ("temperature 0.8, top-k 10", {"temperature": 0.8, "top_k": 10}),
        ("temperature 1.0, top-p 0.9", {"temperature": 1.0, "top_p": 0.9}),
    ]
    for name, kwargs in settings:
        out = model.generate(prompt, 300, rng=0, **kwargs)
        samples[name] = vocab.decode(out[0])
    logits = _next_char_logits(model, vocab, PROMPT)
    lora = finetune_lora(model, data.load_text("sonnets"), vocab, iters=300, r=8,
                         progress=True)
    lh = lora.pop("history")
    record = {
        "iters": iters, "seed": seed, "seconds": round(seconds, 1),
        "ms_per_step": round(1e3 * hist.seconds_per_step, 1),
        "eval_iters": hist.eval_iters, "train_loss": hist.train_loss,
        "val_loss": hist.val_loss, "final_val_loss": final,
        "step_loss_every_10": hist.step_loss[::10],
        "prompt": PROMPT, "next_char_logits": logits.tolist(), "samples": samples,
        "lora": {**lora, "r": 8, "targets": ["c_attn"], "eval_iters": lh.eval_iters,
                 "train_loss": lh.train_loss, "val_loss": lh.val_loss},
    }
    Path(path).write_text(json.dumps(record, indent=1) + "\n")
    return record


def _curve(out_dir: Path) -> Path:
    run = full_run()
    V = len(run["next_char_logits"])
    fig, ax = plt.subplots(figsize=(8, 4))
    steps = np.arange(len(run["step_loss_every_10"])) * 10
    ax.plot(steps, run["step_loss_every_10"], color="#9ecae1", lw=1,
            label="loss of a training batch (every 10th step)")
    ax.plot(run["eval_iters"], run["train_loss"], "o-", color="#08519c",
            label="train (estimate, 20 batches)")
    ax.plot(run["eval_iters"], run["val_loss"], "s-", color="#e6550d",
            label="validation (estimate, 20 batches)")
    ax.axhline(math.log(V), color="gray", ls="--", lw=1)
    ax.text(run["iters"] * 0.45, math.log(V) + 0.05, f"ln {V} = {math.log(V):.2f}: a uniform "
            "guess", color="gray", fontsize=9)
    ax.axhline(1.9, color="#31a354", ls=":", lw=1)
    ax.set_title(f"GPT, 4 layers x 128 dims, {run['iters']} steps: validation loss "
                 f"{run['final_val_loss']:.3f} (200 batches)")
    ax.set_xlabel("training step")
    ax.set_ylabel("cross-entropy (nats per character)")
    ax.set_ylim(1.2, 4.6)
    ax.legend(loc="center right", fontsize=9)
    return save(fig, out_dir, "gpt_training_curve.png")


def _next_char_logits(model: GPT, vocab: data.Vocab, prompt: str) -> np.ndarray:
    ids = vocab.encode(prompt)[-model.config.block_size:][None]
    with no_grad():
        model.eval()
        logits, _ = model(ids)
        model.train()
    return logits.data[0, -1].astype(np.float64)


def _label(ch: str) -> str:
    return {"\n": "\\n", " ": "␣"}.get(ch, ch)


def _temperatures(out_dir: Path) -> Path:
    vocab = data.load_corpus()[0]
    z = np.asarray(full_run()["next_char_logits"])
    top = np.argsort(-z)[:12]
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.4), sharey=True)
    for ax, tau in zip(axes, (0.5, 1.0, 2.0), strict=True):
        p = sampling.softmax_with_temperature(z, tau)
        ax.bar(range(len(top)), p[top], color="#3182bd")
        ax.set_xticks(range(len(top)), [_label(vocab.chars[i]) for i in top])
        ax.set_title(f"temperature {tau:g}")
        ax.set_xlabel(f"next character after ...{PROMPT[-12:]!r}")
    axes[0].set_ylabel("probability")
    fig.suptitle("Temperature reshapes the same logits: sharper below 1, flatter above")
    return save(fig, out_dir, "gpt_temperature.png")


def _filters(out_dir: Path) -> Path:
    vocab = data.load_corpus()[0]
    z = np.asarray(full_run()["next_char_logits"])
    order = np.argsort(-z)[:16]
    p = sampling.softmax_with_temperature(z)
    kept_k = np.isfinite(sampling.top_k_filter(z, 5))
    kept_p = np.isfinite(sampling.top_p_filter(z, 0.9))
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.4), sharey=True)
    for ax, kept, title in ((axes[0], kept_k, "top-k, k = 5: the 5 most likely"),
                            (axes[1], kept_p, "top-p, p = 0.9: the nucleus")):
        colors = ["#31a354" if kept[i] else "#d9d9d9" for i in order]
        ax.bar(range(len(order)), p[order], color=colors)
        ax.set_xticks(range(len(order)), [_label(vocab.chars[i]) for i in order])
        ax.set_title(f"{title} ({int(kept.sum())} kept)")
    axes[0].set_ylabel("probability before filtering")
    cum = np.cumsum(np.sort(p)[::-1])
    axes[1].plot(range(len(order)), cum[:len(order)], "k.-", lw=1, label="cumulative")
    axes[1].axhline(0.9, color="#e6550d", ls="--", lw=1, label="p = 0.9")
    axes[1].legend(fontsize=9, loc="center right")
    return save(fig, out_dir, "gpt_top_k_top_p.png")


def _lora(out_dir: Path) -> Path:
    result = full_run()["lora"]
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.6))
    n_train, n_total = result["trainable"], result["total"]
    axes[0].barh(["all parameters", "LoRA A and B"], [n_total, n_train],
                 color=["#d9d9d9", "#31a354"])
    axes[0].set_xlabel("number of parameters")
    axes[0].set_title(f"trained: {n_train:,} of {n_total:,} ({100 * n_train / n_total:.1f} %)")
    axes[1].plot(result["eval_iters"], result["val_loss"], "s-", color="#e6550d",
                 label="held-out sonnets")
    axes[1].plot(result["eval_iters"], result["train_loss"], "o-", color="#08519c",
                 label="sonnets used for training")
    axes[1].set_xlabel("LoRA fine-tuning step")
    axes[1].set_ylabel("cross-entropy (nats per character)")
    axes[1].set_title(f"rank {result['r']} on c_attn: before {result['val_before']:.2f}, "
                      f"after {result['val_after']:.2f}")
    axes[1].legend(fontsize=9)
    return save(fig, out_dir, "gpt_lora.png")


def training(out_dir: Path) -> list[Path]:
    """The lesson ``gpt.training``: the training curve, temperature, top-k/top-p, LoRA."""
    return [_curve(out_dir), _temperatures(out_dir), _filters(out_dir), _lora(out_dir)]


if __name__ == "__main__":
    print(json.dumps(record_full_run(), indent=1)[:2000])
