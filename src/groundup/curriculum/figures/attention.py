"""Figures for the attention, transformer and tokenizer lessons (matplotlib, Agg, seeded)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

from groundup.attention import (  # noqa: E402
    MultiHeadAttention,
    attention_weights,
    sinusoidal_positional_encoding,
)
from groundup.curriculum.figures import save  # noqa: E402
from groundup.nn import Tensor, no_grad  # noqa: E402
from groundup.tokenizers import bpe_encode, bpe_train  # noqa: E402

WORDS = ["the", "cat", "sat", "on", "the", "mat", "and", "slept"]
SONNET = """Shall I compare thee to a summer's day?
Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May,
And summer's lease hath all too short a date;
Sometime too hot the eye of heaven shines,
And often is his gold complexion dimm'd;
And every fair from fair sometime declines,
By chance or nature's changing course untrimm'd;
But thy eternal summer shall not fade,
Nor lose possession of that fair thou ow'st;
Nor shall death brag thou wander'st in his shade,
When in eternal lines to time thou grow'st:
So long as men can breathe or eyes can see,
So long lives this, and this gives life to thee.
"""


def _embeddings(seed: int = 0, dim: int = 8) -> np.ndarray:
    """One random vector per distinct word (repeated words share it), seeded."""
    rng = np.random.default_rng(seed)
    table = {w: rng.normal(size=dim) for w in dict.fromkeys(WORDS)}
    return np.stack([table[w] for w in WORDS])


def _heatmap(ax: plt.Axes, W: np.ndarray, title: str, labels: list[str]) -> None:  # noqa: N803
    im = ax.imshow(W, cmap="viridis", vmin=0, vmax=max(float(W.max()), 1e-9))
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set(title=title, xlabel="key (attended to)", ylabel="query (attending)")
    plt.colorbar(im, ax=ax, fraction=0.046, pad=0.04)


# -------------------------------------------------------------------------------------------
# lesson attn.attention


def _soft_lookup(out_dir: Path) -> Path:
    keys = np.array([[1.0, 0.2], [0.3, 1.0], [-0.8, 0.5], [-0.5, -0.9], [0.9, -0.6]])
    query = np.array([[1.0, 0.1]])
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 4))
    colors = plt.cm.tab10(np.arange(len(keys)))
    for i, (k, c) in enumerate(zip(keys, colors, strict=True)):
        ax0.annotate("", xy=k, xytext=(0, 0), arrowprops={"arrowstyle": "-|>", "color": c})
        ax0.text(*(k * 1.12), f"key {i}", color=c, ha="center", fontsize=9)
    ax0.annotate("", xy=query[0], xytext=(0, 0),
                 arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 2.5})
    ax0.text(query[0, 0] - 0.1, query[0, 1] - 0.2, "query", fontsize=10, weight="bold")
    ax0.set(xlim=(-1.3, 1.4), ylim=(-1.2, 1.3), aspect="equal",
            title="A query and five keys:\nsimilar direction = large dot product")
    ax0.axhline(0, color="0.85", zorder=0)
    ax0.axvline(0, color="0.85", zorder=0)
    width = 0.25
    for j, scale in enumerate([0.5, 2.0, 8.0]):
        w = attention_weights(query, keys, scale=scale)[0]
        ax1.bar(np.arange(len(keys)) + (j - 1) * width, w, width,
                label=f"scores x {scale:g}")
    ax1.set_xticks(range(len(keys)), [f"key {i}" for i in range(len(keys))])
    ax1.set(ylabel="attention weight", ylim=(0, 1),
            title="softmax of the scores: soft at a small scale,\nnearly a hard lookup at a large one")
    ax1.legend()
    return save(fig, out_dir, "attention_soft_lookup.png")


def _maps(out_dir: Path) -> Path:
    X = _embeddings(0)  # noqa: N806
    rng = np.random.default_rng(1)
    Wq, Wk = rng.normal(size=(8, 8)) / np.sqrt(8), rng.normal(size=(8, 8)) / np.sqrt(8)  # noqa: N806
    Q, K = X @ Wq, X @ Wk  # noqa: N806
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.8))
    _heatmap(axes[0], attention_weights(Q, K), "Full attention: every word sees every word",
             WORDS)
    _heatmap(axes[1], attention_weights(Q, K, is_causal=True),
             "Causal attention: no peeking at later words", WORDS)
    return save(fig, out_dir, "attention_maps.png")


def attention(out_dir: Path) -> list[Path]:
    """Figures of lesson attn.attention."""
    return [_soft_lookup(out_dir), _maps(out_dir)]


# -------------------------------------------------------------------------------------------
# lesson attn.transformer


def _heads(out_dir: Path) -> Path:
    X = _embeddings(2, dim=16)  # noqa: N806
    mha = MultiHeadAttention(16, 4, dtype=np.float64, rng=3)
    mha.in_proj_weight.data *= 2.5  # sharper patterns than at initialisation
    with no_grad():
        _, w = mha(Tensor(X[None]), is_causal=True, average_attn_weights=False)
    fig, axes = plt.subplots(1, 4, figsize=(16, 4.3))
    for h, ax in enumerate(axes):
        _heatmap(ax, w.data[0, h], f"head {h}", WORDS)
    fig.suptitle("Four heads of one causal multi-head attention: each looks for something else")
    return save(fig, out_dir, "multi_head_maps.png")


def _positions(out_dir: Path) -> Path:
    pe = sinusoidal_positional_encoding(64, 64)
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(12, 4.3))
    im = ax0.imshow(pe, cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    ax0.set(title="Sinusoidal encoding: one row per position", xlabel="dimension",
            ylabel="position t")
    plt.colorbar(im, ax=ax0)
    for col in (0, 2, 6, 14, 30):
        ax1.plot(pe[:, col], label=f"column {col}: period {2 * np.pi * 1e4 ** (col / 64):.0f}")
    ax1.set(title="Each sine column is a clock ticking at its own speed", xlabel="position t",
            ylabel="value")
    ax1.legend(fontsize=8, loc="lower left")
    return save(fig, out_dir, "positional_encoding.png")


def _box(ax: plt.Axes, x: float, y: float, text: str, color: str, w: float = 2.4,
         h: float = 0.5) -> None:
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05",
                                facecolor=color, edgecolor="black", lw=1))
    ax.text(x, y, text, ha="center", va="center", fontsize=10)


def _arrow(ax: plt.Axes, start: tuple[float, float], end: tuple[float, float]) -> None:
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, lw=1.2))


def _block(out_dir: Path) -> Path:
    fig, ax = plt.subplots(figsize=(6, 7))
    x_main, x_side = 1.0, 3.2
    ax.plot([x_main, x_main], [0.3, 6.9], color="#555555", lw=3, zorder=0)
    ax.text(x_main - 0.15, 0.25, "x  (N, T, E)", ha="right", fontsize=10)
    ax.text(x_main - 0.15, 6.9, "output", ha="right", fontsize=10)
    for y0, boxes, label in [(1.0, ["LayerNorm 1", "multi-head attention"], "tokens talk"),
                             (4.0, ["LayerNorm 2", "Linear E→4E, GELU, Linear 4E→E"],
                              "each token thinks")]:
        _arrow(ax, (x_main, y0), (x_side, y0 + 0.35))
        _box(ax, x_side, y0 + 0.6, boxes[0], "#fff2cc")
        _arrow(ax, (x_side, y0 + 0.85), (x_side, y0 + 1.25))
        _box(ax, x_side, y0 + 1.5, boxes[1], "#cfe2f3", w=3.0)
        _arrow(ax, (x_side, y0 + 1.75), (x_main + 0.12, y0 + 2.25))
        ax.add_patch(plt.Circle((x_main, y0 + 2.3), 0.14, facecolor="white",
                                edgecolor="black"))
        ax.text(x_main, y0 + 2.3, "+", ha="center", va="center", fontsize=12)
        ax.text(x_side + 1.6, y0 + 1.0, label, fontsize=9, color="#7f7f7f", rotation=90,
                va="center")
    ax.set(xlim=(-1.2, 5.4), ylim=(0, 7.2), title="A pre-norm transformer block:\n"
           "x + attn(LN1(x)), then x + MLP(LN2(x))")
    ax.axis("off")
    return save(fig, out_dir, "transformer_block.png")


def transformer(out_dir: Path) -> list[Path]:
    """Figures of lesson attn.transformer."""
    return [_heads(out_dir), _positions(out_dir), _block(out_dir)]


# -------------------------------------------------------------------------------------------
# lesson tok.tokenizers


def _bpe(out_dir: Path) -> Path:
    n_merges = 120
    merges = bpe_train(SONNET, 256 + n_merges)
    vocab = [bytes([i]) for i in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    steps = list(range(0, len(merges) + 1, 5))
    lengths = [len(bpe_encode(SONNET, merges[:k])) for k in steps]
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(12, 4.6),
                                   gridspec_kw={"width_ratios": [1.4, 1]})
    ax0.plot(steps, lengths, marker="o", ms=3)
    ax0.axhline(len(SONNET), color="0.6", ls="--", label=f"characters: {len(SONNET)}")
    ax0.set(xlabel="number of merges learned", ylabel="tokens in the sonnet",
            title="Each merge shortens the text: BPE on Shakespeare's sonnet 18")
    ax0.legend()
    lines = [f"{256 + r}: {vocab[256 + r].decode('utf-8', 'replace')!r}" for r in range(18)]
    lines += ["...", *(f"{256 + r}: {vocab[256 + r].decode('utf-8', 'replace')!r}"
                       for r in range(len(merges) - 5, len(merges)))]
    ax1.text(0.02, 0.98, "\n".join(lines), va="top", family="monospace", fontsize=9,
             transform=ax1.transAxes)
    ax1.set(title="The first merges, and the last ones")
    ax1.axis("off")
    return save(fig, out_dir, "bpe_merges.png")


def tokenizers(out_dir: Path) -> list[Path]:
    """Figures of lesson tok.tokenizers."""
    return [_bpe(out_dir)]
