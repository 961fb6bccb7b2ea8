"""Figures for the neurons-activations and neural-networks lessons (matplotlib, Agg, seeded)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

from groundup import neural  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402

_save = save  # figures are written by the shared helper (tight layout)

def _grid(X: np.ndarray, steps: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lo, hi = X.min(axis=0) - 0.3, X.max(axis=0) + 0.3
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], steps), np.linspace(lo[1], hi[1], steps))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def _boundary(ax: plt.Axes, X: np.ndarray, y: np.ndarray, params: neural.Params,
              title: str) -> None:
    xx, yy, G = _grid(X)
    zz = neural.predict(G, *params).reshape(xx.shape)
    n_classes = int(y.max()) + 1
    ax.contourf(xx, yy, zz, levels=np.arange(n_classes + 1) - 0.5, cmap="coolwarm", alpha=0.35)
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap="coolwarm", s=10, edgecolors="k", linewidths=0.3)
    ax.set(title=title, xticks=[], yticks=[])


def functions(out_dir: Path) -> list[Path]:
    """The four activations and their derivatives; one sigmoid neuron over the plane."""
    x = np.linspace(-4, 4, 400)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
    pairs = [("sigmoid", neural.sigmoid, neural.sigmoid_grad),
             ("tanh", neural.tanh, neural.tanh_grad),
             ("ReLU", neural.relu, neural.relu_grad),
             ("GELU", neural.gelu, neural.gelu_grad)]
    for name, f, df in pairs:
        axes[0].plot(x, f(x), label=name)
        axes[1].plot(x, df(x), label=f"{name}'")
    axes[0].set(title="Activation functions f(z)", xlabel="z", ylim=(-1.5, 4))
    axes[1].axhline(0.25, color="gray", ls=":", lw=1)
    axes[1].text(-3.9, 0.29, "sigmoid' never exceeds 1/4", fontsize=8, color="gray")
    axes[1].set(title="Their derivatives f'(z)", xlabel="z", ylim=(-0.2, 1.2))
    for ax in axes:
        ax.axhline(0, color="k", lw=0.5)
        ax.legend(fontsize=8)
    first = _save(fig, out_dir, "activations.png")

    fig, ax = plt.subplots(figsize=(4.6, 3.8))
    xx, yy = np.meshgrid(np.linspace(-3, 3, 200), np.linspace(-3, 3, 200))
    G = np.column_stack([xx.ravel(), yy.ravel()])
    out = neural.neuron(G, np.array([1.5, -1.0]), 0.5, "sigmoid").reshape(xx.shape)
    im = ax.contourf(xx, yy, out, levels=20, cmap="viridis")
    ax.contour(xx, yy, out, levels=[0.5], colors="w", linewidths=2)
    fig.colorbar(im, ax=ax, label="output σ(w·x + b)")
    ax.set(title="One neuron, w = (1.5, -1), b = 0.5:\nthe 0.5 line is straight",
           xlabel="x1", ylabel="x2")
    return [first, _save(fig, out_dir, "neuron.png")]


def _xor_data(n: int = 200, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    corners = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    labels = np.array([0, 1, 1, 0])
    idx = rng.integers(0, 4, size=n)
    return corners[idx] + rng.normal(0, 0.15, size=(n, 2)), labels[idx]


def depth(out_dir: Path) -> list[Path]:
    """XOR: a linear model fails, an MLP bends; gradient norms through deep chains."""
    from sklearn.linear_model import LogisticRegression

    X, y = _xor_data()
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    axes[0].scatter(X[:, 0], X[:, 1], c=y, cmap="coolwarm", s=12, edgecolors="k",
                    linewidths=0.3)
    axes[0].set(title="XOR: class 1 when exactly one input is on", xlabel="x1", ylabel="x2")
    xx, yy, G = _grid(X)
    linear = LogisticRegression().fit(X, y)
    axes[1].contourf(xx, yy, linear.predict(G).reshape(xx.shape), levels=[-0.5, 0.5, 1.5],
                     cmap="coolwarm", alpha=0.35)
    axes[1].scatter(X[:, 0], X[:, 1], c=y, cmap="coolwarm", s=12, edgecolors="k",
                    linewidths=0.3)
    axes[1].set(title=f"Logistic regression (a line): accuracy {linear.score(X, y):.2f}",
                xticks=[], yticks=[])
    *params, _ = neural.train_mlp(X, y, n_hidden=8, lr=0.5, num_epochs=200, batch_size=16,
                                  seed=0)
    p = (params[0], params[1], params[2], params[3])
    acc = float((neural.predict(X, *p) == y).mean())
    _boundary(axes[2], X, y, p, f"MLP 2-8-2 with ReLU: accuracy {acc:.2f}")
    first = _save(fig, out_dir, "xor.png")

    fig, ax = plt.subplots(figsize=(7, 4))
    width, n_layers = 32, 20
    rng = np.random.default_rng(0)
    for act, scale, colour in (("sigmoid", 1.0, "C0"), ("tanh", 1.0, "C1"),
                               ("relu", 2.0, "C2")):
        runs = []
        for _ in range(5):
            W = rng.normal(size=(n_layers, width, width)) * np.sqrt(scale / width)
            runs.append(neural.layer_gradient_norms(rng.normal(size=(16, width)), W, act))
        norms = np.exp(np.mean(np.log(runs), axis=0))  # geometric mean over 5 random chains
        ax.plot(np.arange(1, n_layers + 1), norms, "o-", color=colour, ms=3,
                label=f"{act} (weights N(0, {scale:g}/width))")
    ax.set(yscale="log", xlabel="layer (1 = next to the input)",
           ylabel="‖∂L/∂W_l‖ (log scale)",
           title="The vanishing gradient: 20 layers of width 32")
    ax.legend(fontsize=8)
    return [first, _save(fig, out_dir, "vanishing_gradient.png")]


def backprop(out_dir: Path) -> list[Path]:
    """Spread of the activations layer by layer under three initialisations."""
    rng = np.random.default_rng(0)
    width, n_layers = 256, 15
    X = rng.normal(size=(500, width))
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
    layers = np.arange(1, n_layers + 1)
    setups = {
        "tanh": [("N(0, 0.01²): too small", lambda i, o: rng.normal(0, 0.01, (o, i))),
                 ("N(0, 1): too large", lambda i, o: rng.normal(0, 1.0, (o, i))),
                 ("Xavier uniform", lambda i, o: neural.xavier_uniform(i, o, rng))],
        "relu": [("Xavier uniform", lambda i, o: neural.xavier_uniform(i, o, rng)),
                 ("He normal", lambda i, o: neural.he_normal(i, o, rng)),
                 ("N(0, 1): too large", lambda i, o: rng.normal(0, 1.0, (o, i)))],
    }
    for ax, (act, inits) in zip(axes, setups.items(), strict=True):
        f = np.tanh if act == "tanh" else neural.relu
        for label, init in inits:
            H, stds = X, []
            for _ in layers:
                H = f(neural.dense_forward(H, init(width, width)))
                stds.append(H.std())
            ax.plot(layers, stds, "o-", ms=3, label=label)
        ax.set(yscale="log", xlabel="layer", ylabel="std of the activations (log)",
               title=f"{width}-wide {act} layers")
        ax.legend(fontsize=8)
    return [_save(fig, out_dir, "init_depth.png")]


def training(out_dir: Path) -> list[Path]:
    """Decision boundaries of an MLP on spirals as training goes; loss and accuracy curves."""
    X, y = neural.make_spirals(100, 3, noise=0.2, seed=0)
    snap_at = (0, 5, 30, 300)
    snaps: dict[int, neural.Params] = {}
    acc: list[float] = []

    def record(epoch: int, params: neural.Params, loss: float) -> None:
        if epoch in snap_at:
            snaps[epoch] = tuple(p.copy() for p in params)  # type: ignore[assignment]
        if epoch:
            acc.append(float((neural.predict(X, *params) == y).mean()))

    *_, losses = neural.train_mlp(X, y, n_hidden=64, lr=0.5, num_epochs=300, batch_size=32,
                                  seed=0, callback=record)
    fig, axes = plt.subplots(1, 4, figsize=(15, 3.9))
    for ax, epoch in zip(axes, snap_at, strict=True):
        a = float((neural.predict(X, *snaps[epoch]) == y).mean())
        _boundary(ax, X, y, snaps[epoch], f"epoch {epoch}: accuracy {a:.2f}")
    first = _save(fig, out_dir, "training_boundaries.png")

    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    epochs = np.arange(1, len(losses) + 1)
    axes[0].plot(epochs, losses)
    axes[0].set(yscale="log", title="Training loss (mean of the mini-batch losses)",
                xlabel="epoch", ylabel="cross-entropy")
    axes[1].plot(epochs, acc, color="C1")
    axes[1].set(title="Training accuracy", xlabel="epoch", ylabel="accuracy", ylim=(0, 1.02))
    return [first, _save(fig, out_dir, "loss_curve.png")]
