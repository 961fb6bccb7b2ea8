"""Figures for the k-means and PCA lessons (``kmeans.clustering``, ``pca.components``).

Each function writes the PNGs its lesson links to into ``out_dir`` and returns their paths.
Everything is seeded, so the figures are the same on every run. The pictures are drawn with the
groundup library itself (:mod:`groundup.ml.cluster`, :mod:`groundup.ml.decomposition`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402
from groundup.ml.cluster import (  # noqa: E402
    KMeans,
    assign_clusters,
    kmeans_plus_plus,
    update_centers,
)
from groundup.ml.decomposition import PCA  # noqa: E402

COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
          "#7f7f7f", "#bcbd22", "#17becf"]
GREY = "#7f7f7f"



def _save(fig: Any, out_dir: Path, name: str) -> Path:
    return save(fig, out_dir, name, layout="bbox")

def _blobs(seed: int = 0, n_samples: int = 300) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = np.array([[-4.0, -3.0], [4.0, -2.0], [0.0, 4.0], [5.0, 5.0]])
    spread = np.array([1.2, 1.0, 1.4, 0.8])
    which = rng.integers(0, 4, size=n_samples)
    return centers[which] + rng.normal(size=(n_samples, 2)) * spread[which, None]


# --------------------------------------------------------------------------------------------
# kmeans.clustering

def _regions(ax: Axes, centers: np.ndarray, lims: tuple[float, float, float, float]) -> None:
    """Shade the plane by nearest centre (the Voronoi cells of the centres)."""
    xs = np.linspace(lims[0], lims[1], 300)
    ys = np.linspace(lims[2], lims[3], 300)
    gx, gy = np.meshgrid(xs, ys)
    grid = np.column_stack([gx.ravel(), gy.ravel()])  # (90000, 2)
    cells = assign_clusters(grid, centers).reshape(gx.shape)
    cmap = ListedColormap(COLORS[: len(centers)])
    ax.imshow(cells, origin="lower", extent=lims, cmap=cmap, alpha=0.12, aspect="auto",
              vmin=-0.5, vmax=len(centers) - 0.5, interpolation="nearest")


def _iterations(out_dir: Path) -> Path:
    X = _blobs()
    lims = (-8.0, 9.0, -7.0, 8.5)
    # A deliberately poor start (three corners of the box) makes the iterations visible.
    C = np.array([[-7.0, -6.0], [8.0, -6.0], [-7.0, 7.0], [-5.0, 7.5]])
    history = [C]
    labels = assign_clusters(X, C)
    for _ in range(50):
        labels = assign_clusters(X, C)
        new = update_centers(X, labels, C)
        history.append(new)
        if np.allclose(new, C):
            break
        C = new
    shown = [0, 1, 2, len(history) - 1]
    fig, axes = plt.subplots(1, 4, figsize=(17, 4.4), layout="constrained")
    for ax, step in zip(axes, shown, strict=True):
        centers = history[step]
        lab = assign_clusters(X, centers)
        _regions(ax, centers, lims)
        ax.scatter(X[:, 0], X[:, 1], s=10, c=[COLORS[i] for i in lab], alpha=0.8)
        path = np.stack(history[: step + 1])  # (steps, k, 2)
        for j in range(len(centers)):
            ax.plot(path[:, j, 0], path[:, j, 1], color="black", lw=1, ls=":")
        ax.scatter(centers[:, 0], centers[:, 1], marker="X", s=160, c=COLORS[: len(centers)],
                   edgecolors="black", linewidths=1.5, zorder=3)
        sq = (X - centers[lab]) ** 2
        title = "start" if step == 0 else (f"after {step} iteration{'s' * (step > 1)}"
                                           if step < len(history) - 1 else
                                           f"converged ({step - 1} iterations)")
        ax.set_title(f"{title}\ninertia {sq.sum():.0f}")
        ax.set_xlim(lims[0], lims[1])
        ax.set_ylim(lims[2], lims[3])
        ax.set_xticks([])
        ax.set_yticks([])
    fig.suptitle("Lloyd's algorithm: colour = nearest centre (assignment); X = centre, moved to "
                 "the mean of its points (update); dotted = the centres' paths")
    return _save(fig, out_dir, "kmeans-iterations.png")


def _plus_plus(out_dir: Path) -> Path:
    X = _blobs(1, 200)
    rng = np.random.default_rng(3)
    C = kmeans_plus_plus(X, 4, rng)
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6), layout="constrained")
    for step, ax in enumerate(axes, start=1):
        chosen = C[:step]
        d2 = ((X[:, None, :] - chosen[None, :, :]) ** 2).sum(axis=2).min(axis=1)
        p = d2 / d2.sum()
        points = ax.scatter(X[:, 0], X[:, 1], s=8 + 4000 * p, c=p, cmap="viridis",
                            edgecolors="none")
        ax.scatter(chosen[:, 0], chosen[:, 1], marker="X", s=170, c="#d62728",
                   edgecolors="black", linewidths=1.5, zorder=3, label="chosen centres")
        ax.scatter(*C[step], marker="o", s=260, facecolors="none", edgecolors="#d62728",
                   linewidths=2, label="the draw that came up next")
        ax.set_title(f"{step} centre{'s' * (step > 1)} chosen: P(next) = D(x)² / Σ D²")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.legend(loc="lower right", fontsize=8)
        fig.colorbar(points, ax=ax, label="probability of being the next centre", shrink=0.8)
    fig.suptitle("k-means++: far-away points are likely next centres (size and colour = "
                 "probability), points next to a centre almost never")
    return _save(fig, out_dir, "kmeans-plus-plus.png")


def _elbow(out_dir: Path) -> Path:
    X = _blobs()
    ks = np.arange(1, 11)
    inertias = [KMeans(int(k), n_init=5, random_state=0).fit(X).inertia_ for k in ks]
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.6), layout="constrained")
    ax = axes[0]
    ax.plot(ks, inertias, "o-", color=COLORS[0])
    ax.annotate("the elbow: k = 4", xy=(4, inertias[3]), xytext=(5.5, inertias[1]),
                arrowprops={"arrowstyle": "->"})
    ax.set_xlabel("number of clusters k")
    ax.set_ylabel("inertia (sum of squared distances)")
    ax.set_title("inertia always falls as k grows; look for where it stops falling fast")
    ax.set_xticks(ks)

    ax = axes[1]
    finals: dict[str, list[float]] = {"random": [], "k-means++": []}
    for seed in range(40):
        finals["random"].append(KMeans(4, init="random", n_init=1, random_state=seed).fit(X).inertia_)
        finals["k-means++"].append(KMeans(4, n_init=1, random_state=seed).fit(X).inertia_)
    best = min(min(v) for v in finals.values())
    bins = np.linspace(best * 0.98, max(max(v) for v in finals.values()) * 1.02, 30)
    for (name, values), color in zip(finals.items(), (COLORS[1], COLORS[2]), strict=True):
        ax.hist(values, bins=bins, alpha=0.6, color=color, label=f"{name} start")
    ax.set_xlabel("final inertia after Lloyd's algorithm (40 seeds each)")
    ax.set_ylabel("runs")
    ax.set_title("a bad start can get stuck in a worse local minimum")
    ax.legend()
    return _save(fig, out_dir, "kmeans-elbow.png")


def kmeans(out_dir: Path) -> list[Path]:
    """The figures of the lesson ``kmeans.clustering``."""
    out_dir = Path(out_dir)
    return [_iterations(out_dir), _plus_plus(out_dir), _elbow(out_dir)]


# --------------------------------------------------------------------------------------------
# pca.components

def _projections(out_dir: Path) -> Path:
    from sklearn.datasets import load_digits, load_iris

    iris = load_iris()
    digits = load_digits()
    fig, axes = plt.subplots(1, 2, figsize=(14, 5.6), layout="constrained")
    for ax, data, name in ((axes[0], iris, "iris (4 features)"),
                           (axes[1], digits, "digits (64 pixels)")):
        X = data.data.astype(float)
        if data is iris:
            X = (X - X.mean(axis=0)) / X.std(axis=0)
        model = PCA(2).fit(X)
        Z = model.transform(X)
        for label in np.unique(data.target):
            mask = data.target == label
            ax.scatter(Z[mask, 0], Z[mask, 1], s=10, alpha=0.7, color=COLORS[label % 10],
                       label=str(data.target_names[label]))
        r = model.explained_variance_ratio_
        ax.set_xlabel(f"component 1 ({r[0]:.0%} of the variance)")
        ax.set_ylabel(f"component 2 ({r[1]:.0%})")
        ax.set_title(f"{name} projected on 2 components")
        ax.legend(fontsize=8, markerscale=1.5, ncol=2 if data is digits else 1)
    fig.suptitle("PCA keeps the directions of largest variance: the classes separate although "
                 "PCA never saw the labels")
    return _save(fig, out_dir, "pca-projections.png")


def _explained(out_dir: Path) -> Path:
    from sklearn.datasets import load_digits

    X = load_digits().data.astype(float)
    model = PCA().fit(X)
    r = model.explained_variance_ratio_
    cumulative = np.cumsum(r)
    fig, ax = plt.subplots(figsize=(10, 4.8), layout="constrained")
    ks = np.arange(1, len(r) + 1)
    ax.bar(ks, r, color=COLORS[0], alpha=0.7, label="ratio of each component")
    ax.set_xlabel("component")
    ax.set_ylabel("explained variance ratio")
    twin = ax.twinx()
    twin.plot(ks, cumulative, color=COLORS[1], lw=2, label="cumulative")
    for t, color in ((0.8, COLORS[2]), (0.95, COLORS[3])):
        k = int(np.searchsorted(cumulative, t, side="right")) + 1
        twin.axhline(t, color=color, ls=":", lw=1)
        twin.axvline(k, color=color, ls=":", lw=1)
        twin.annotate(f"> {t:.0%}: k = {k}", xy=(k, t), xytext=(k + 2, t - 0.12), color=color)
    twin.set_ylim(0, 1.02)
    twin.set_ylabel("cumulative ratio")
    ax.set_title("digits: 64 pixels, but a few components carry most of the variance")
    lines = ax.get_legend_handles_labels()
    more = twin.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], loc="center right")
    return _save(fig, out_dir, "pca-explained-variance.png")


def _reconstruction(out_dir: Path) -> Path:
    from sklearn.datasets import load_digits

    X = load_digits().data.astype(float)
    picks = [0, 11, 22, 33, 44]
    ks = [2, 5, 10, 20, 40, 64]
    fig, axes = plt.subplots(len(picks), len(ks) + 1, figsize=(10, 8.2), layout="constrained")
    for col, k in enumerate([None, *ks]):
        if k is None:
            images = X[picks]
            title = "original"
        else:
            model = PCA(k).fit(X)
            images = model.inverse_transform(model.transform(X[picks]))
            title = f"k = {k}\n{model.explained_variance_ratio_.sum():.0%} var."
        for row, image in enumerate(images):
            ax = axes[row, col]
            ax.imshow(image.reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
            ax.set_xticks([])
            ax.set_yticks([])
            if row == 0:
                ax.set_title(title, fontsize=9)
    fig.suptitle("Reconstruction from k components: inverse_transform(transform(x))")
    return _save(fig, out_dir, "pca-reconstruction.png")


def _whitening(out_dir: Path) -> Path:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 2)) @ np.array([[2.5, 1.2], [0.0, 0.5]]) + np.array([3.0, 2.0])
    plain = PCA(2).fit(X)
    white = PCA(2, whiten=True).fit(X)
    panels = [(X, "the data", "x1", "x2"),
              (plain.transform(X), "projected: rotated and centred", "z1", "z2"),
              (white.transform(X), "whitened: every direction has variance 1", "z1 / √λ1",
               "z2 / √λ2")]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.8), layout="constrained")
    for ax, (Z, title, xl, yl) in zip(axes, panels, strict=True):
        ax.scatter(Z[:, 0], Z[:, 1], s=8, alpha=0.6, color=COLORS[0])
        cov = np.round(np.cov(Z, rowvar=False), 2) + 0.0  # + 0.0: no "-0.00"
        ax.set_title(f"{title}\ncovariance [[{cov[0, 0]:.2f}, {cov[0, 1]:.2f}], "
                     f"[{cov[1, 0]:.2f}, {cov[1, 1]:.2f}]]", fontsize=10)
        ax.set_xlabel(xl)
        ax.set_ylabel(yl)
        ax.set_aspect("equal", adjustable="datalim")
        ax.axhline(0, color=GREY, lw=0.6)
        ax.axvline(0, color=GREY, lw=0.6)
    return _save(fig, out_dir, "pca-whitening.png")


def pca(out_dir: Path) -> list[Path]:
    """The figures of the lesson ``pca.components``."""
    out_dir = Path(out_dir)
    return [_projections(out_dir), _explained(out_dir), _whitening(out_dir),
            _reconstruction(out_dir)]
