"""Figures for the linear-algebra lessons (vectors, matrices, matrix multiplication).

Each public function writes exactly the PNG files its lesson links to into ``out_dir`` and
returns their paths. Figures are built with the object-oriented Matplotlib API (no pyplot, so
no global state), rendered by Agg, and use no randomness except a seeded generator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Arc, Polygon, Rectangle

from groundup.curriculum.figures import save  # noqa: E402

BLUE, ORANGE, GREEN, RED, GREY = "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#7f7f7f"



def _save(fig: Any, out_dir: Path, name: str) -> Path:
    return save(fig, out_dir, name, layout="bbox")

def _arrow(ax: Axes, start: np.ndarray, vec: np.ndarray, color: str, label: str = "",
           style: str = "-", offset: tuple[float, float] = (0.08, 0.08)) -> None:
    ax.annotate("", xy=(start[0] + vec[0], start[1] + vec[1]), xytext=(start[0], start[1]),
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2.2, "linestyle": style,
                            "shrinkA": 0, "shrinkB": 0, "mutation_scale": 16})
    if label:
        tip = start + vec
        ax.text(tip[0] + offset[0], tip[1] + offset[1], label, color=color, fontsize=12,
                fontweight="bold")


def _plane(ax: Axes, lim: tuple[float, float, float, float], title: str) -> None:
    x0, x1, y0, y1 = lim
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axhline(0, color=GREY, lw=0.8)
    ax.axvline(0, color=GREY, lw=0.8)
    ax.grid(True, alpha=0.3)
    ax.set_title(title, fontsize=11)


# --------------------------------------------------------------------------------------------
# Lesson linalg.vectors

def vectors(out_dir: Path) -> list[Path]:
    """``vectors.png``: addition tip to tail, scaling, and the angle between two vectors."""
    u, v = np.array([3.0, 1.0]), np.array([1.0, 2.0])
    origin = np.zeros(2)
    fig = Figure(figsize=(13, 4.4))
    ax1, ax2, ax3 = fig.subplots(1, 3)

    # Addition: v placed at the tip of u; the sum closes the triangle (and the parallelogram).
    _plane(ax1, (-0.5, 4.8, -0.5, 3.8), "addition: u + v, tip to tail")
    ax1.add_patch(Polygon([origin, u, u + v, v], closed=True, color=GREEN, alpha=0.08))
    _arrow(ax1, origin, u, BLUE, "u = [3, 1]", offset=(-0.6, -0.45))
    _arrow(ax1, u, v, ORANGE, "v", offset=(0.1, -0.3))
    _arrow(ax1, origin, v, ORANGE, "", style="--")
    _arrow(ax1, origin, u + v, GREEN, "u + v = [4, 3]", offset=(-1.3, 0.15))

    # Scaling: the same direction, stretched, shrunk or flipped.
    _plane(ax2, (-3.8, 3.8, -2.8, 4.8), "scaling: c v stretches or flips v")
    for c, color, dx in ((2.0, GREEN, 0.15), (1.0, ORANGE, 0.15), (0.5, BLUE, 0.25),
                         (-1.0, RED, -0.9)):
        _arrow(ax2, origin, c * v, color, f"{c:g} v", offset=(dx, -0.15))

    # The angle: cos(theta) = u.v / (|u| |v|).
    cos = float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))
    theta = np.degrees(np.arccos(cos))
    _plane(ax3, (-0.5, 3.8, -0.5, 3.8), "the angle between u and v")
    _arrow(ax3, origin, u, BLUE, "u", offset=(0.1, -0.1))
    _arrow(ax3, origin, v, ORANGE, "v", offset=(0.05, 0.05))
    start = np.degrees(np.arctan2(u[1], u[0]))
    ax3.add_patch(Arc((0, 0), 1.6, 1.6, theta1=start, theta2=start + theta, color=RED, lw=2))
    ax3.text(0.9, 0.75, r"$\theta$", color=RED, fontsize=14)
    ax3.text(0.1, 3.2, rf"$\cos\theta = \frac{{u \cdot v}}{{\|u\|\,\|v\|}}"
                       rf" = \frac{{5}}{{\sqrt{{10}}\sqrt{{5}}}} \approx {cos:.3f}$",
             fontsize=12)
    ax3.text(0.1, 2.7, rf"$\theta \approx {theta:.0f}^\circ$", fontsize=12, color=RED)
    return [_save(fig, out_dir, "vectors.png")]


# --------------------------------------------------------------------------------------------
# Lesson linalg.matrices

def _transformed_square(ax: Axes, A: np.ndarray, title: str, name: str = "A") -> None:
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=float)  # (4, 2): corners as rows
    image = square @ A.T  # (4, 2): each corner x goes to A x
    ax.add_patch(Polygon(square, closed=True, fill=False, ls="--", color=GREY, lw=1.2))
    ax.add_patch(Polygon(image, closed=True, color=GREEN, alpha=0.25))
    _arrow(ax, np.zeros(2), A[:, 0], BLUE, f"{name} e1", offset=(0.05, -0.3))
    _arrow(ax, np.zeros(2), A[:, 1], ORANGE, f"{name} e2", offset=(0.05, 0.05))
    det = A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    a = np.round(A, 3) + 0.0  # + 0.0 turns -0.0 into 0.0 for display
    ax.text(0.03, 0.95, f"{name} = [[{a[0, 0]:g}, {a[0, 1]:g}], [{a[1, 0]:g}, {a[1, 1]:g}]]\n"
                        f"det {name} = {det:.2g}", transform=ax.transAxes, va="top", fontsize=9.5,
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": GREY})
    _plane(ax, (-1.6, 3.2, -1.2, 2.8), title)


def matrices(out_dir: Path) -> list[Path]:
    """``unit_square.png`` (a matrix moves the unit square) and ``linear_system.png``."""
    c, s = np.cos(np.pi / 6), np.sin(np.pi / 6)
    cases = [
        (np.array([[2.0, 0.0], [0.0, 1.0]]), "stretch x by 2: area x2"),
        (np.array([[1.0, 1.0], [0.0, 1.0]]), "shear: area unchanged"),
        (np.array([[c, -s], [s, c]]), "rotate by 30 degrees: area unchanged"),
        (np.array([[0.0, 1.0], [1.0, 0.0]]), "swap x and y: a flip, det < 0"),
        (np.array([[1.0, 2.0], [0.5, 1.0]]), "singular: squashed onto a line"),
    ]
    fig = Figure(figsize=(17, 3.9))
    for ax, (A, title) in zip(fig.subplots(1, len(cases)), cases, strict=True):
        _transformed_square(ax, A, title)
    paths = [_save(fig, out_dir, "unit_square.png")]

    # Ax = b as two lines that cross at the solution: 2x + y = 3 and x + 3y = 5.
    fig = Figure(figsize=(11, 4.4))
    ax1, ax2 = fig.subplots(1, 2)
    x = np.linspace(-1, 3, 50)
    _plane(ax1, (-1, 3, -1, 3), "2x + y = 3 and x + 3y = 5: one solution")
    ax1.plot(x, 3 - 2 * x, color=BLUE, lw=2, label="2x + y = 3")
    ax1.plot(x, (5 - x) / 3, color=ORANGE, lw=2, label="x + 3y = 5")
    ax1.plot([0.8], [1.4], "o", color=RED, ms=9)
    ax1.annotate("x = 0.8, y = 1.4", (0.8, 1.4), (1.2, 2.2), color=RED, fontsize=11,
                 arrowprops={"arrowstyle": "->", "color": RED})
    ax1.legend(loc="lower left")
    _plane(ax2, (-1, 3, -1, 3), "x + 2y = 2 and 2x + 4y = 4: singular")
    ax2.plot(x, (2 - x) / 2, color=BLUE, lw=5, alpha=0.5, label="x + 2y = 2")
    ax2.plot(x, (4 - 2 * x) / 4, color=ORANGE, lw=2, ls="--", label="2x + 4y = 4 (the same line)")
    ax2.legend(loc="lower left")
    ax2.text(-0.8, 2.6, "det A = 0: infinitely many solutions\n(or none, if b moves one line)",
             fontsize=10)
    paths.append(_save(fig, out_dir, "linear_system.png"))
    return paths


# --------------------------------------------------------------------------------------------
# Lesson linalg.matmul

def _grid(ax: Axes, values: np.ndarray, x0: float, y0: float, name: str,
          rows: tuple[int, ...] = (), cols: tuple[int, ...] = (),
          cells: tuple[tuple[int, int], ...] = (), color: str = BLUE,
          numbers: bool = True) -> None:
    """Draw ``values`` as a grid of cells whose top-left corner is at (x0, y0)."""
    m, n = values.shape
    for i in range(m):
        for j in range(n):
            hot = i in rows or j in cols or (i, j) in cells
            ax.add_patch(Rectangle((x0 + j, y0 - i - 1), 1, 1, facecolor=color if hot else
                                   "white", alpha=0.35 if hot else 1.0, edgecolor="black"))
            if numbers:
                ax.text(x0 + j + 0.5, y0 - i - 0.5, f"{values[i, j]:g}", ha="center",
                        va="center", fontsize=11)
    ax.text(x0 + n / 2, y0 + 0.35, f"{name}  ({m}x{n})", ha="center", fontsize=12,
            fontweight="bold")


def matmul(out_dir: Path) -> list[Path]:
    """``matmul_entry.png``, ``matmul_composition.png`` and ``matmul_layer.png``."""
    paths = []

    # Rows times columns: entry (1, 0) of C = A B is row 1 of A dot column 0 of B.
    A = np.array([[1, 2, 0], [3, -1, 2]], dtype=float)  # (2, 3)
    B = np.array([[2, 1], [0, 4], [1, -2]], dtype=float)  # (3, 2)
    C = A @ B  # (2, 2)
    fig = Figure(figsize=(11, 3.6))
    ax = fig.subplots()
    _grid(ax, A, 0, 3, "A", rows=(1,), color=BLUE)
    ax.text(3.5, 1.5, "x", fontsize=20, ha="center", va="center")
    _grid(ax, B, 4, 3, "B", cols=(0,), color=ORANGE)
    ax.text(6.5, 1.5, "=", fontsize=20, ha="center", va="center")
    _grid(ax, C, 7, 3, "C = AB", cells=((1, 0),), color=GREEN)
    ax.text(9.6, 1.7, "C[1, 0] = row 1 of A . column 0 of B\n"
                      "        = 3*2 + (-1)*0 + 2*1\n        = 8", fontsize=11, va="center",
            family="monospace")
    ax.set_xlim(-0.3, 15.5)
    ax.set_ylim(-0.3, 3.8)
    ax.set_aspect("equal")
    ax.axis("off")
    paths.append(_save(fig, out_dir, "matmul_entry.png"))

    # Composition: first shear with S, then rotate with R; the product R S does both at once.
    c, s = np.cos(np.pi / 4), np.sin(np.pi / 4)
    R = np.array([[c, -s], [s, c]])
    S = np.array([[1.0, 1.0], [0.0, 1.0]])
    fig = Figure(figsize=(13, 4.2))
    axes = fig.subplots(1, 3)
    for ax, M, name, title in zip(axes, (S, R, R @ S), ("S", "R", "RS"),
                                  ("S: a shear", "R: a rotation by 45 degrees",
                                   "RS: first S, then R, in one matrix"), strict=True):
        _transformed_square(ax, M, title, name)
    paths.append(_save(fig, out_dir, "matmul_composition.png"))

    # A layer: X (n_samples, n_features) @ W (n_features, n_hidden) = H (n_samples, n_hidden).
    rng = np.random.default_rng(0)
    n_samples, n_features, n_hidden = 6, 4, 3
    X = rng.normal(size=(n_samples, n_features)).round(1)
    W = rng.normal(size=(n_features, n_hidden)).round(1)
    fig = Figure(figsize=(12, 5.2))
    ax = fig.subplots()
    _grid(ax, X, 0, 6, "X", rows=(2,), color=BLUE, numbers=False)
    ax.text(5.25, 3, "@", fontsize=22, ha="center", va="center")
    _grid(ax, W, 6.5, 5, "W", cols=(1,), color=ORANGE, numbers=False)
    ax.text(10.75, 3, "=", fontsize=22, ha="center", va="center")
    _grid(ax, X @ W, 12, 6, "H = X W", rows=(), cells=((2, 1),), color=GREEN, numbers=False)
    for i in range(n_samples):
        ax.text(-0.2, 6 - i - 0.5, f"sample {i}", ha="right", va="center", fontsize=9)
    for j in range(n_hidden):
        ax.text(6.5 + j + 0.5, 0.75, f"unit {j}", ha="center", va="top", fontsize=9,
                rotation=90)
    captions = [
        (2.0, "(n_samples, n_features)\nrow i: one sample,\nits n_features numbers"),
        (8.0, "(n_features, n_hidden)\ncolumn j: the weights\nof hidden unit j"),
        (13.5, "(n_samples, n_hidden)\nH[i, j] = row i of X . column j of W\n"
               "= unit j's response to sample i"),
    ]
    for x, text in captions:
        ax.text(x, -0.35, text, ha="center", va="top", fontsize=10)
    ax.set_xlim(-1.8, 16.5)
    ax.set_ylim(-2.6, 7.0)
    ax.set_aspect("equal")
    ax.axis("off")
    paths.append(_save(fig, out_dir, "matmul_layer.png"))
    return paths
