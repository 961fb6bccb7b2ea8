"""Figures for the eigenvector lessons (``linalg.eigen``, ``linalg.dimensionality-reduction``).

Each function writes the PNGs its lesson links to into ``out_dir`` and returns their paths.
Everything is seeded, so the figures are the same on every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402
from groundup.linalg.eigen import covariance, eigh, pca_project  # noqa: E402

BLUE, ORANGE, GREEN, GREY, RED = "#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f", "#d62728"


def _arrow(ax: Axes, v: np.ndarray, color: str, label: str | None = None,
           origin: np.ndarray | None = None, width: float = 0.012) -> None:
    o = np.zeros(2) if origin is None else origin
    ax.quiver(o[0], o[1], v[0], v[1], angles="xy", scale_units="xy", scale=1, color=color,
              width=width, label=label)



def _save(fig: Any, out_dir: Path, name: str) -> Path:
    return save(fig, out_dir, name, layout="bbox")

# --------------------------------------------------------------------------------------------
# linalg.eigen

def _stretch(out_dir: Path) -> Path:
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    theta = np.linspace(0, 2 * np.pi, 200)
    circle = np.stack([np.cos(theta), np.sin(theta)])  # (2, 200)
    fig, axes = plt.subplots(1, 2, figsize=(10, 5))
    for ax in axes:
        ax.axhline(0, color="#dddddd", lw=0.8)
        ax.axvline(0, color="#dddddd", lw=0.8)
        ax.set_aspect("equal")
        ax.set_xlim(-3.4, 3.4)
        ax.set_ylim(-3.4, 3.4)

    ax = axes[0]
    ax.set_title("most vectors turn: v and A v point different ways")
    ax.plot(*circle, color=GREY, lw=1, label="unit circle")
    ax.plot(*(A @ circle), color=GREY, lw=1, ls="--", label="its image under A")
    for angle, color in ((0.0, BLUE), (1.95, ORANGE)):
        v = np.array([np.cos(angle), np.sin(angle)])
        _arrow(ax, v, color, f"v = ({v[0]:.2f}, {v[1]:.2f})", width=0.014)
        _arrow(ax, A @ v, color, "A v", width=0.007)
    ax.legend(loc="lower right", fontsize=8)

    ax = axes[1]
    ax.set_title("eigenvectors stay on their line: A v = λ v")
    ax.plot(*circle, color=GREY, lw=1)
    ax.plot(*(A @ circle), color=GREY, lw=1, ls="--")
    for v, lam, color in ((np.array([1.0, 1.0]) / np.sqrt(2), 3.0, GREEN),
                          (np.array([1.0, -1.0]) / np.sqrt(2), 1.0, RED)):
        ax.plot([-4 * v[0], 4 * v[0]], [-4 * v[1], 4 * v[1]], color=color, lw=0.8, ls=":")
        _arrow(ax, lam * v, color, f"A v = {lam:g} v", width=0.018)
        _arrow(ax, v, "black", "v (unit eigenvector)" if lam == 1.0 else None, width=0.005)
    ax.legend(loc="lower right", fontsize=8)
    fig.suptitle("A = [[2, 1], [1, 2]] turns the circle into an ellipse; its axes are the "
                 "eigenvectors")
    return _save(fig, out_dir, "eigen-stretch.png")


def _power(out_dir: Path) -> Path:
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.6))

    ax = axes[0]
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    v = np.array([1.0, -0.8])
    v /= np.sqrt(v @ v)
    theta = np.linspace(0, 2 * np.pi, 200)
    ax.plot(np.cos(theta), np.sin(theta), color=GREY, lw=1)
    ax.plot([-1.3, 1.3], [-1.3, 1.3], color=GREEN, ls=":", lw=1, label="dominant eigenvector")
    colors = plt.get_cmap("viridis")(np.linspace(0, 0.9, 7))
    for t in range(7):
        _arrow(ax, v, matplotlib.colors.to_hex(colors[t]), f"v_{t}", width=0.01)
        w = A @ v
        v = w / np.sqrt(w @ w)
    ax.set_aspect("equal")
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_title("v ← A v / ||A v||: the iterates turn towards the eigenvector")
    ax.legend(fontsize=7, loc="lower left", ncol=2)

    ax = axes[1]
    rng = np.random.default_rng(0)
    Q, _ = np.linalg.qr(rng.normal(size=(5, 5)))
    start = rng.normal(size=5)
    for ratio, color in ((0.5, BLUE), (0.8, ORANGE), (0.95, RED)):
        lams = np.array([1.0, ratio, 0.4 * ratio, 0.2, -0.1])
        M = Q @ np.diag(lams) @ Q.T
        u = Q[:, 0]
        v = start / np.sqrt(start @ start)
        errors = []
        for _ in range(80):
            rest = v - (v @ u) * u  # the part of v off the eigenvector's line
            errors.append(np.sqrt(rest @ rest))  # = sin of the angle to u
            w = M @ v
            v = w / np.sqrt(w @ w)
        steps = np.arange(80)
        ax.semilogy(steps, errors, color=color, label=f"|λ2 / λ1| = {ratio:g}")
        ax.semilogy(steps, errors[0] * ratio ** steps, color=color, ls=":", lw=1)
    ax.set_ylim(1e-16, 2)
    ax.set_xlabel("iteration t")
    ax.set_ylabel("sin(angle between v_t and the eigenvector)")
    ax.set_title("error shrinks like |λ2 / λ1|^t (dotted)")
    ax.legend(fontsize=8)
    return _save(fig, out_dir, "power-iteration.png")


def _jacobi(out_dir: Path) -> Path:
    rng = np.random.default_rng(1)
    M = rng.normal(size=(6, 6))
    D = (M + M.T) / 2
    n = D.shape[0]
    snapshots = {0: D.copy()}
    off = [np.sqrt((D**2).sum() - (np.diag(D) ** 2).sum())]
    rotations = 0
    for sweep in range(1, 6):
        for p in range(n - 1):
            for q in range(p + 1, n):
                if abs(D[p, q]) < 1e-300:
                    off.append(off[-1])
                    continue
                tau = (D[q, q] - D[p, p]) / (2 * D[p, q])
                t = (1.0 if tau >= 0 else -1.0) / (abs(tau) + np.sqrt(1 + tau * tau))
                c = 1 / np.sqrt(1 + t * t)
                J = np.eye(n)
                J[p, p], J[q, q], J[p, q], J[q, p] = c, c, t * c, -t * c
                D = J.T @ D @ J
                rotations += 1
                off_diagonal = D - np.diag(np.diag(D))
                off.append(max(np.sqrt((off_diagonal**2).sum()), 1e-17))
        snapshots[sweep] = D.copy()

    fig = plt.figure(figsize=(14, 3.8), layout="constrained")
    vmax = float(np.abs(snapshots[0]).max())
    for i, sweep in enumerate((0, 1, 2)):
        ax = fig.add_subplot(1, 4, i + 1)
        ax.imshow(np.abs(snapshots[sweep]), cmap="Blues", vmin=0, vmax=vmax)
        ax.set_title("A" if sweep == 0 else f"after {sweep} sweep{'s' * (sweep > 1)}")
        ax.set_xticks([])
        ax.set_yticks([])
    ax = fig.add_subplot(1, 4, 4)
    ax.semilogy(off, color=BLUE)
    per_sweep = n * (n - 1) // 2
    for sweep in range(1, 6):
        ax.axvline(sweep * per_sweep, color=GREY, lw=0.6, ls=":")
    ax.set_xlabel("rotation (dotted: end of a sweep)")
    ax.set_ylabel("off-diagonal size")
    ax.set_title("Jacobi: off-diagonal → 0")
    fig.suptitle("|entries| of a 6x6 symmetric matrix under Jacobi rotations: the diagonal "
                 "that remains holds the eigenvalues")
    return _save(fig, out_dir, "jacobi.png")


def eigen(out_dir: Path) -> list[Path]:
    """The figures of the lesson ``linalg.eigen``."""
    out_dir = Path(out_dir)
    return [_stretch(out_dir), _power(out_dir), _jacobi(out_dir)]


# --------------------------------------------------------------------------------------------
# linalg.dimensionality-reduction

def _pca_2d(out_dir: Path) -> Path:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(150, 2)) @ np.array([[2.0, 1.2], [0.0, 0.6]]) + np.array([3.0, 1.0])
    mean = X.mean(axis=0)
    w, V = eigh(covariance(X))  # ascending
    top = V[:, 1] * np.sign(V[np.abs(V[:, 1]).argmax(), 1])
    z = pca_project(X, 1)[:, 0]  # (150,)

    fig, axes = plt.subplots(1, 2, figsize=(12, 5), gridspec_kw={"width_ratios": [1.3, 1]},
                             layout="constrained")
    ax = axes[0]
    ax.scatter(X[:, 0], X[:, 1], s=12, color=BLUE, alpha=0.6, label="data")
    line = mean + np.outer(np.linspace(-8, 8, 2), top)
    ax.plot(line[:, 0], line[:, 1], color=GREEN, lw=1, ls=":")
    for i in range(0, 150, 10):  # a few projections onto the top direction
        foot = mean + z[i] * top
        ax.plot([X[i, 0], foot[0]], [X[i, 1], foot[1]], color=GREY, lw=0.7)
        ax.scatter(*foot, s=14, color=ORANGE, zorder=3)
    for j, color in ((1, GREEN), (0, RED)):
        _arrow(ax, 2 * np.sqrt(w[j]) * V[:, j], color,
               f"eigenvector, λ = {w[j]:.2f} (arrow: 2·sqrt(λ))", origin=mean, width=0.008)
    ax.set_aspect("equal")
    ax.set_title("correlated 2-D data and the eigenvectors of its covariance")
    ax.legend(fontsize=8, loc="upper left")

    ax = axes[1]
    ax.hist(z, bins=25, color=ORANGE, alpha=0.8)
    ax.plot(z, np.full_like(z, -1.0), "|", color=ORANGE, ms=12)
    ax.set_xlabel("z = (x - mean) · v1   (coordinate along the top eigenvector)")
    ax.set_title(f"the 1-D projection keeps {w[1] / w.sum():.0%} of the variance")
    return _save(fig, out_dir, "pca-2d.png")


def _pca_3d(out_dir: Path) -> Path:
    rng = np.random.default_rng(1)
    n_samples = 300
    t = rng.uniform(0, 3 * np.pi, size=n_samples)  # a hidden 1-D "position" along a curve
    noise = 0.25 * rng.normal(size=n_samples)
    plane = np.column_stack([t * np.cos(t) / 3, t * np.sin(t) / 3, noise])  # (n_samples, 3)
    Q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    X = plane @ Q.T + np.array([5.0, -2.0, 1.0])  # (n_samples, 3): a thin tilted spiral
    Z = pca_project(X, 2)  # (n_samples, 2)
    w = eigh(covariance(X))[0][::-1]

    fig = plt.figure(figsize=(15, 4.8), layout="constrained")
    ax3 = fig.add_subplot(1, 3, 1, projection="3d")
    ax3.scatter(X[:, 0], X[:, 1], X[:, 2], c=t, cmap="viridis", s=8)
    ax3.set_title("3-D data (colour: position along the spiral)")
    ax3.set_xlabel("x1")
    ax3.set_ylabel("x2")
    ax3.set_zlabel("x3")
    ax3.set_box_aspect(None, zoom=0.82)  # keeps the axis labels inside the panel
    ax = fig.add_subplot(1, 3, 2)
    ax.scatter(Z[:, 0], Z[:, 1], c=t, cmap="viridis", s=8)
    ax.set_aspect("equal")
    ax.set_xlabel("component 1")
    ax.set_ylabel("component 2")
    ax.set_title("projected onto the top 2 eigenvectors")
    ax = fig.add_subplot(1, 3, 3)
    ax.bar(["1", "2", "3"], w / w.sum(), color=[GREEN, GREEN, GREY])
    ax.set_xlabel("component (eigenvalue, largest first)")
    ax.set_ylabel("share of the total variance")
    ax.set_title(f"kept: {w[:2].sum() / w.sum():.1%} of the variance")
    return _save(fig, out_dir, "pca-3d.png")


def dimensionality_reduction(out_dir: Path) -> list[Path]:
    """The figures of the lesson ``linalg.dimensionality-reduction``."""
    out_dir = Path(out_dir)
    return [_pca_2d(out_dir), _pca_3d(out_dir)]
