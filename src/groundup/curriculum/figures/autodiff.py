"""Figures for the chain-rule & backpropagation lessons (matplotlib, Agg, deterministic)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from groundup.autodiff import MLP, Value, make_xor, train_mlp  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402


def _topo(root: Value) -> list[Value]:
    order: list[Value] = []
    seen: set[int] = set()

    def build(v: Value) -> None:
        if id(v) not in seen:
            seen.add(id(v))
            for child in v._prev:
                build(child)
            order.append(v)

    build(root)
    return order


def _draw_graph(ax: Axes, root: Value, numbers: bool = False) -> None:
    """Boxes (label | data | grad) for the Values, circles for the operations, left to right."""
    order = _topo(root)
    depth: dict[int, int] = {}
    for v in order:
        depth[id(v)] = 0 if not v._prev else 1 + max(depth[id(c)] for c in v._prev)
    for v in reversed(order):  # an input sits just left of its first use, not far away
        users = [depth[id(u)] for u in order if any(c is v for c in u._prev)]
        if not v._prev and users:
            depth[id(v)] = min(users) - 1
    columns: dict[int, list[Value]] = {}
    for v in order:
        columns.setdefault(depth[id(v)], []).append(v)
    pos: dict[int, tuple[float, float]] = {}
    for d, vs in columns.items():
        for i, v in enumerate(vs):
            pos[id(v)] = (d * 3.2, (len(vs) - 1) / 2 - i * 1.4)
    index = {id(v): k for k, v in enumerate(order)}
    for v in order:
        x, y = pos[id(v)]
        if v._prev:
            ox = x - 1.3
            ax.add_patch(plt.Circle((ox, y), 0.32, fc="#fde9c9", ec="#b26b00", lw=1.2, zorder=3))
            ax.text(ox, y, v._op, ha="center", va="center", fontsize=11, zorder=4)
            ax.annotate("", xy=(x - 1.1, y), xytext=(ox + 0.32, y),
                        arrowprops={"arrowstyle": "->", "color": "#555"})
            for c in v._prev:
                cx, cy = pos[id(c)]
                ax.annotate("", xy=(ox - 0.3, y), xytext=(cx + 1.1, cy),
                            arrowprops={"arrowstyle": "->", "color": "#555",
                                        "connectionstyle": "arc3,rad=0.0"})
        ax.add_patch(FancyBboxPatch((x - 1.1, y - 0.38), 2.2, 0.76,
                                    boxstyle="round,pad=0.02", fc="#e8f0fb", ec="#2a5599",
                                    lw=1.2, zorder=3))
        tag = f"#{index[id(v)]} " if numbers else ""
        ax.text(x, y + 0.14, f"{tag}{v.label}   data {v.data:.4g}", ha="center", va="center",
                fontsize=9, zorder=4)
        ax.text(x, y - 0.17, f"grad {v.grad:.4g}", ha="center", va="center", fontsize=9,
                color="#b00020", zorder=4)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 1.4, max(xs) + 1.4)
    ax.set_ylim(min(ys) - 0.9, max(ys) + 0.9)
    ax.set_aspect("equal")
    ax.axis("off")


def chain_rule(out_dir: Path) -> list[Path]:
    """``chain_rule_graph.png``: L = (a*b + c) * f with every data and gradient."""
    a, b, c, f = Value(2.0, label="a"), Value(-3.0, label="b"), Value(10.0, label="c"), \
        Value(-2.0, label="f")
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    L = d * f
    L.label = "L"
    L.backward()
    fig, ax = plt.subplots(figsize=(10, 4.2))
    _draw_graph(ax, L)
    ax.set_title("L = (a*b + c) * f: forward values (black), gradients dL/d(node) (red)")
    return [save(fig, out_dir, "chain_rule_graph.png", layout="bbox")]


def engine(out_dir: Path) -> list[Path]:
    """``engine_topo_order.png``: a graph where ``a`` is used twice, nodes numbered in
    topological order; ``backward`` visits them from the highest number down."""
    a, b = Value(-2.0, label="a"), Value(3.0, label="b")
    d = a * b
    d.label = "d"
    e = a + b
    e.label = "e"
    f = d * e
    f.label = "f"
    f.backward()
    fig, ax = plt.subplots(figsize=(10, 4.2))
    _draw_graph(ax, f, numbers=True)
    ax.set_title("f = (a*b) * (a+b): #k is the topological order; backward runs #4, #3, ... #0.\n"
                 "a is used twice: a.grad = b*e + d = 3*1 + (-6) = -3, the sum of both paths")
    return [save(fig, out_dir, "engine_topo_order.png", layout="bbox")]


def neurons(out_dir: Path) -> list[Path]:
    """``neurons_training.png``: loss curve and decision boundary of a 2-4-4-1 MLP on XOR."""
    X, y = make_xor(30, seed=0)
    model = MLP(2, [4, 4, 1], seed=0)
    losses = train_mlp(model, X, y, lr=0.2, num_epochs=200)
    grid = np.linspace(-1.1, 1.1, 30)
    Z = np.array([[model([float(u), float(v)]).data for u in grid]  # type: ignore[union-attr]
                  for v in grid])  # (30, 30): rows are x_2, columns x_1
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 4.2))
    ax0.plot(losses, color="#2a5599")
    ax0.set_xlabel("epoch")
    ax0.set_ylabel("mean squared error")
    ax0.set_title("training loss")
    ax0.grid(alpha=0.3)
    ax1.contourf(grid, grid, Z, levels=[-10, 0, 10], colors=["#f4c7c3", "#c6dbef"], alpha=0.8)
    ax1.contour(grid, grid, Z, levels=[0], colors="k", linewidths=1)
    pts, lab = np.array(X), np.array(y)
    ax1.scatter(pts[lab > 0, 0], pts[lab > 0, 1], c="#2a5599", marker="o", label="y = +1")
    ax1.scatter(pts[lab < 0, 0], pts[lab < 0, 1], c="#b00020", marker="x", label="y = -1")
    ax1.set_title("decision boundary (model output = 0)")
    ax1.set_xlabel("$x_1$")
    ax1.set_ylabel("$x_2$")
    ax1.legend(loc="upper right", fontsize=8)
    ax1.set_aspect("equal")
    return [save(fig, out_dir, "neurons_training.png")]
