"""Figures for the RNN and LSTM lessons (matplotlib, Agg backend, seeded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402
from groundup.nn import rnn  # noqa: E402
from groundup.nn.sequence_examples import (  # noqa: E402
    SequenceRegressor,
    adding_problem_data,
    train_regressor,
)

_save = save  # figures are written by the shared helper (tight layout)

def _box(ax: plt.Axes, x: float, y: float, text: str, color: str, w: float = 0.9,
         h: float = 0.55) -> None:
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05",
                                facecolor=color, edgecolor="black", lw=1))
    ax.text(x, y, text, ha="center", va="center", fontsize=10)


def _arrow(ax: plt.Axes, start: tuple[float, float], end: tuple[float, float],
           color: str = "black") -> None:
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, lw=1.2,
                                 color=color))


def _unrolled(out_dir: Path) -> Path:
    """The loop, and the same loop unrolled over four steps with shared weights."""
    fig, ax = plt.subplots(figsize=(11, 3.6))
    # the loop
    _box(ax, 0.6, 1.2, "cell\n$W_{xh}, W_{hh}$", "#cfe2f3", w=1.0, h=0.7)
    _arrow(ax, (0.6, 0.2), (0.6, 0.82))
    ax.text(0.6, 0.05, "$x_t$", ha="center", fontsize=11)
    _arrow(ax, (0.6, 1.58), (0.6, 2.2))
    ax.text(0.6, 2.3, "$h_t$", ha="center", fontsize=11)
    ax.add_patch(FancyArrowPatch((1.12, 1.35), (1.12, 1.0), connectionstyle="arc3,rad=-1.8",
                                 arrowstyle="-|>", mutation_scale=12, lw=1.2, color="#c00000"))
    ax.text(1.75, 1.2, "$h_{t-1}$", color="#c00000", fontsize=10, va="center")
    ax.text(2.3, 1.2, "=", fontsize=20, va="center")
    # unrolled
    xs = [3.4, 5.0, 6.6, 8.2]
    ax.text(2.55, 1.2, "$h_0$", fontsize=11, va="center")
    _arrow(ax, (2.8, 1.2), (xs[0] - 0.5, 1.2), "#c00000")
    for t, x in enumerate(xs, start=1):
        _box(ax, x, 1.2, "cell\n(same $W$)", "#cfe2f3")
        _arrow(ax, (x, 0.2), (x, 0.9))
        ax.text(x, 0.05, f"$x_{t}$", ha="center", fontsize=11)
        _arrow(ax, (x, 1.5), (x, 2.2))
        ax.text(x, 2.3, f"$h_{t}$", ha="center", fontsize=11)
        if t < len(xs):
            _arrow(ax, (x + 0.5, 1.2), (xs[t] - 0.5, 1.2), "#c00000")
    _arrow(ax, (xs[-1] + 0.5, 1.2), (9.4, 1.2), "#c00000")
    ax.text(9.5, 1.2, "$h_4 \\to$ loss", fontsize=11, va="center")
    ax.annotate("", xy=(xs[0], 2.75), xytext=(xs[-1], 2.75),
                arrowprops={"arrowstyle": "-|>", "color": "#7f7f7f", "lw": 1.5})
    ax.text((xs[0] + xs[-1]) / 2, 2.85, "backpropagation through time: gradients flow back "
            "along the red arrows", ha="center", fontsize=9, color="#7f7f7f")
    ax.set(xlim=(0, 10.6), ylim=(-0.1, 3.1), title="A recurrent network is a loop; unrolled, "
           "it is a deep network whose layers share their weights")
    ax.axis("off")
    return _save(fig, out_dir, "rnn_unrolled.png")


def _hidden_states(out_dir: Path) -> Path:
    """A small random RNN reading a pulse and a sine: its hidden units over time."""
    rng = np.random.default_rng(0)
    T, H = 60, 12
    t = np.arange(T)
    x = np.stack([(t == 5).astype(float), np.sin(2 * np.pi * t / 20) * (t >= 30)], axis=-1)
    W_xh = rng.normal(size=(H, 2)) * 1.5
    W_hh = rng.normal(size=(H, H)) * 0.9 / np.sqrt(H)
    states = rnn.rnn_forward(x[None], None, W_xh, W_hh, np.zeros(H))[0]  # (T, H)
    fig, axes = plt.subplots(2, 1, figsize=(10, 5), sharex=True,
                             gridspec_kw={"height_ratios": [1, 2.2]})
    axes[0].plot(t, x[:, 0], label="input 1: one pulse at t = 5", drawstyle="steps-mid")
    axes[0].plot(t, x[:, 1], label="input 2: a sine from t = 30")
    axes[0].set(ylabel="$x_t$", title="The hidden state carries an echo of the past")
    axes[0].legend(fontsize=8, loc="upper right")
    im = axes[1].imshow(states.T, aspect="auto", cmap="RdBu_r", vmin=-1, vmax=1,
                        extent=(-0.5, T - 0.5, H - 0.5, -0.5))
    axes[1].set(xlabel="time step t", ylabel="hidden unit",
                title="$h_t$ (tanh RNN, 12 units): the pulse fades over ~10 steps")
    fig.colorbar(im, ax=axes[1], label="activation")
    return _save(fig, out_dir, "rnn_hidden_states.png")


def _gradient_norms(out_dir: Path) -> Path:
    """||dL/dh_t|| through time for several sizes of W_hh; and clipping on exploding steps."""
    rng = np.random.default_rng(1)
    T, H, N = 40, 16, 8
    q, _ = np.linalg.qr(rng.normal(size=(H, H)))
    X = rng.normal(size=(N, T, 3)) * 0.05
    W_xh = rng.normal(size=(H, 3))
    G = rng.normal(size=(N, H))
    fig, axes = plt.subplots(1, 2, figsize=(12, 4))
    for gain in (0.6, 0.9, 1.0, 1.3, 1.8):
        norms = rnn.gradient_norms_through_time(X, None, W_xh, gain * q, np.zeros(H), G)
        axes[0].semilogy(np.arange(1, T + 1), norms, marker=".", label=f"$W_{{hh}}$ = "
                         f"{gain} x orthogonal")
    axes[0].set(xlabel="time step t (the loss is on $h_{40}$)",
                ylabel=r"$\|\partial L / \partial h_t\|$",
                title="Going back in time, gradients shrink or grow geometrically")
    axes[0].legend(fontsize=8)

    # Exploding: the gradient norm of a tanh RNN with a large W_hh on random batches.
    W_big = 2.5 * q
    before, after = [], []
    for _ in range(40):
        Xb = rng.normal(size=(N, 25, 3)) * 0.02
        grads = rnn.rnn_bptt(Xb, None, W_xh, W_big, np.zeros(H), rng.normal(size=(N, H)))
        clipped, total = rnn.clip_grad_norm(grads, max_norm=5.0)
        before.append(total)
        after.append(float(np.sqrt(sum((g ** 2).sum() for g in clipped))))
    steps = np.arange(1, 41)
    axes[1].semilogy(steps, before, "o-", label="without clipping")
    axes[1].semilogy(steps, after, "s-", label="clipped at max_norm = 5")
    axes[1].axhline(5.0, color="gray", ls="--", lw=1)
    axes[1].set(xlabel="batch", ylabel="norm of all gradients",
                title="Clipping caps the size of an update, keeping its direction")
    axes[1].legend(fontsize=8)
    return _save(fig, out_dir, "rnn_gradient_norms.png")


def recurrence(out_dir: Path) -> list[Path]:
    """The recurrence unrolled; hidden states over a sequence; gradient norms and clipping."""
    return [_unrolled(out_dir), _hidden_states(out_dir), _gradient_norms(out_dir)]


def _lstm_gates(model: SequenceRegressor, X: np.ndarray) -> dict[str, np.ndarray]:
    """The gates and cell state of the model's LSTM on one sequence (N = 1)."""
    layer: Any = model.rnn
    W_xh = layer.weight_ih_l0.data.astype(float)
    W_hh = layer.weight_hh_l0.data.astype(float)
    b = (layer.bias_ih_l0.data + layer.bias_hh_l0.data).astype(float)
    H = W_hh.shape[1]
    h, c = np.zeros((1, H)), np.zeros((1, H))
    record: dict[str, list[np.ndarray]] = {"i": [], "f": [], "o": [], "c": []}
    for t in range(X.shape[1]):
        z = X[:, t].astype(float) @ W_xh.T + h @ W_hh.T + b
        i, f, o = (1 / (1 + np.exp(-z[:, k * H:(k + 1) * H])) for k in (0, 1, 3))
        h, c = rnn.lstm_cell(X[:, t], h, c, W_xh, W_hh, b)
        for key, value in (("i", i), ("f", f), ("o", o), ("c", c)):
            record[key].append(value[0])
    return {k: np.array(v) for k, v in record.items()}


def lstm(out_dir: Path) -> list[Path]:
    """LSTM vs RNN on the adding problem (learning curves), and the trained LSTM's gates."""
    seq_len, steps = 30, 600
    X_val, y_val = adding_problem_data(500, seq_len, rng=1)
    models, histories = {}, {}
    for cell in ("lstm", "rnn"):
        models[cell] = SequenceRegressor(2, 32, cell=cell, rng=0)
        histories[cell] = train_regressor(models[cell], X_val, y_val, seq_len, steps=steps,
                                          rng=2, progress=False)
    fig, axes = plt.subplots(1, 2, figsize=(12, 4))
    for cell, color in (("lstm", "C0"), ("rnn", "C3")):
        hist = histories[cell]
        axes[0].semilogy(hist["eval_step"], hist["val_mse"], color=color,
                         label=f"{cell.upper()} (32 units)")
        axes[1].plot(hist["eval_step"], hist["val_accuracy"], color=color,
                     label=f"{cell.upper()} (32 units)")
    axes[0].axhline(1 / 6, color="gray", ls="--", lw=1, label="predict the mean (1/6)")
    axes[0].set(xlabel="training step", ylabel="validation MSE (log scale)",
                title=f"Adding problem, T = {seq_len}: the LSTM finds the dependency")
    axes[1].set(xlabel="training step", ylabel="fraction with |error| < 0.04",
                title="Accuracy", ylim=(0, 1))
    for ax in axes:
        ax.legend(fontsize=8)
    curves = _save(fig, out_dir, "lstm_vs_rnn.png")

    X, y = adding_problem_data(1, seq_len, rng=5)
    gates = _lstm_gates(models["lstm"], X)
    t = np.arange(seq_len)
    marked = np.flatnonzero(X[0, :, 1])
    fig, axes = plt.subplots(4, 1, figsize=(10, 8), sharex=True)
    axes[0].bar(t, X[0, :, 0], color=np.where(X[0, :, 1] > 0, "C1", "lightgray"))
    axes[0].set(ylabel="value", title=f"One sequence: the marked values (orange) add up to "
                f"{float(y[0, 0]):.2f}")
    # The units whose input gate reacts most to the markers.
    units = np.argsort(-np.abs(gates["i"][marked].mean(axis=0) - gates["i"].mean(axis=0)))[:3]
    for ax, key, name in ((axes[1], "i", "input gate i"), (axes[2], "f", "forget gate f"),
                          (axes[3], "c", "cell state c")):
        for u in units:
            ax.plot(t, gates[key][:, u], marker=".", label=f"unit {u}")
        for m in marked:
            ax.axvline(m, color="C1", alpha=0.4, lw=3)
        ax.set(ylabel=name)
        ax.legend(fontsize=7, loc="upper right")
    axes[3].set(xlabel="time step")
    axes[1].set_title("The trained LSTM opens its input gate at the markers; the forget gate "
                      "keeps c between them", fontsize=10)
    gates_path = _save(fig, out_dir, "lstm_gates.png")
    return [curves, gates_path]
