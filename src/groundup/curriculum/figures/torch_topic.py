"""Figures for the pytorch lessons (matplotlib, Agg backend, seeded).

Both train a model with ``groundup.nn``, move the weights into the same ``torch.nn`` model and
draw the two side by side. Without PyTorch installed, the groundup half is drawn and the
PyTorch half says that it needs ``pip install 'groundup[torch]'``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

import groundup.nn as gnn  # noqa: E402
import groundup.nn.functional as F  # noqa: E402, N812
from groundup import optim  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402
from groundup.nn.data import DataLoader, TensorDataset  # noqa: E402
from groundup.nn.training import fit  # noqa: E402

_save = save  # figures are written by the shared helper (tight layout)

def _has_torch() -> bool:
    return importlib.util.find_spec("torch") is not None


def _no_torch(ax: Any) -> None:
    ax.text(0.5, 0.5, "PyTorch is not installed:\npip install 'groundup[torch]'",
            ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def _moons(n: int = 300, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import make_moons

    X, y = make_moons(n, noise=0.2, random_state=seed)
    return ((X - X.mean(axis=0)) / X.std(axis=0)).astype(np.float32), y


def _mlp(seed: int = 0) -> gnn.Sequential:
    return gnn.Sequential(gnn.Linear(2, 16, rng=seed), gnn.ReLU(), gnn.Linear(16, 16, rng=seed + 1),
                          gnn.ReLU(), gnn.Linear(16, 2, rng=seed + 2))


def same_model(out_dir: Path) -> list[Path]:
    """A groundup MLP trained on two moons; its weights in ``torch.nn``; the same boundary
    and the same logits."""
    X, y = _moons()
    model = _mlp()
    fit(model, F.cross_entropy, optim.Adam(model.parameters(), lr=0.02),
        DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True, rng=0), epochs=40,
        progress=False)
    g = np.linspace(-2.5, 2.5, 150, dtype=np.float32)
    xx, yy = np.meshgrid(g, g)
    grid = np.column_stack([xx.ravel(), yy.ravel()])  # (150 * 150, 2)
    with gnn.no_grad():
        ours_grid = model(gnn.Tensor(grid)).data
        ours_x = model(gnn.Tensor(X)).data

    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    panels: list[tuple[str, np.ndarray | None]] = [("groundup.nn", ours_grid)]
    theirs_x = None
    if _has_torch():
        import torch

        from groundup.nn.torch_bridge import torch_mlp_from_state

        theirs = torch_mlp_from_state(model.state_dict())
        with torch.no_grad():
            panels.append(("torch.nn (the same weights)",
                           theirs(torch.from_numpy(grid)).numpy()))
            theirs_x = theirs(torch.from_numpy(X)).numpy()
    else:
        panels.append(("torch.nn", None))
    for ax, (title, logits) in zip(axes[:2], panels, strict=True):
        if logits is None:
            _no_torch(ax)
            continue
        margin = (logits[:, 1] - logits[:, 0]).reshape(xx.shape)  # (150, 150)
        ax.contourf(xx, yy, margin > 0, levels=[-0.5, 0.5, 1.5], colors=["#cfe0f3", "#f6d5c0"])
        ax.contour(xx, yy, margin, levels=[0.0], colors="k", linewidths=1)
        for c, colour in ((0, "tab:blue"), (1, "tab:orange")):
            ax.scatter(X[y == c, 0], X[y == c, 1], s=8, color=colour, label=f"class {c}")
        ax.set(title=title, xlabel="$x_1$", ylabel="$x_2$")
        ax.legend(loc="lower left", fontsize=8)
    ax = axes[2]
    if theirs_x is None:
        _no_torch(ax)
    else:
        ax.scatter(ours_x.ravel(), theirs_x.ravel(), s=6, alpha=0.6)
        lo, hi = float(ours_x.min()), float(ours_x.max())
        ax.plot([lo, hi], [lo, hi], color="gray", lw=1, ls="--", label="y = x")
        err = float(np.abs(ours_x - theirs_x).max())
        ax.set(title=f"every logit, both libraries (max |diff| = {err:.1e})",
               xlabel="groundup logit", ylabel="PyTorch logit")
        ax.legend(fontsize=8)
    return [_save(fig, out_dir, "same-model.png")]


def _digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    X, y = load_digits(return_X_y=True)
    return (X / 16.0).astype(np.float32), y.astype(np.int64)


def loss_curves(epochs: int = 12, lr: float = 0.05, batch_size: int = 64
                ) -> dict[str, list[float]]:
    """Train the same MLP on the digits from the same weights, on the same batches, with
    groundup and (when installed) with PyTorch; the mean training loss per epoch."""
    X, y = _digits()
    ours = gnn.Sequential(gnn.Linear(64, 32, rng=0), gnn.ReLU(), gnn.Linear(32, 10, rng=1))
    start = ours.state_dict()
    hist = fit(ours, F.cross_entropy, optim.SGD(ours.parameters(), lr=lr, momentum=0.9),
               DataLoader(TensorDataset(X, y), batch_size=batch_size), epochs=epochs,
               progress=False)
    curves = {"groundup": hist.train_loss}
    if _has_torch():
        import torch

        from groundup.nn.torch_bridge import torch_mlp_from_state

        theirs = torch_mlp_from_state(start)
        opt = torch.optim.SGD(theirs.parameters(), lr=lr, momentum=0.9)
        loader = torch.utils.data.DataLoader(
            torch.utils.data.TensorDataset(torch.from_numpy(X), torch.from_numpy(y)),
            batch_size=batch_size)
        losses = []
        for _ in range(epochs):
            total = 0.0
            for xb, yb in loader:
                opt.zero_grad()
                loss = torch.nn.functional.cross_entropy(theirs(xb), yb)
                loss.backward()
                opt.step()
                total += loss.item() * len(xb)
            losses.append(total / len(X))
        curves["pytorch"] = losses
    return curves


def training_loops(out_dir: Path) -> list[Path]:
    """The loss curve of the same training run in groundup and in PyTorch, and their gap."""
    curves = loss_curves()
    epochs = np.arange(1, len(curves["groundup"]) + 1)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
    ax = axes[0]
    ax.plot(epochs, curves["groundup"], marker="o", lw=3, alpha=0.5, label="groundup.nn")
    if "pytorch" in curves:
        ax.plot(epochs, curves["pytorch"], marker="x", ls="--", color="k", label="PyTorch")
    ax.set(title="training loss, same weights, same batches", xlabel="epoch",
           ylabel="mean cross-entropy")
    ax.legend()
    ax = axes[1]
    if "pytorch" in curves:
        gap = np.abs(np.array(curves["groundup"]) - np.array(curves["pytorch"]))
        ax.semilogy(epochs, np.maximum(gap, 1e-12), marker="o")
        ax.set(title="|groundup - PyTorch| (float32 rounding)", xlabel="epoch",
               ylabel="absolute difference")
    else:
        _no_torch(ax)
    return [_save(fig, out_dir, "loss-curves.png")]
