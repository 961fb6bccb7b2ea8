"""Figures for the visualisation lessons (Matplotlib, Agg backend, seeded).

Most of them are drawn by the reference library itself (:mod:`groundup.plots`), so the
lessons show exactly what the exercises ask for.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib import MatplotlibDeprecationWarning  # noqa: E402
from sklearn.datasets import load_diabetes, load_iris, load_wine  # noqa: E402

from groundup import plots  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402


def _loss_curves(num_epochs: int = 40, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Made-up but typical losses: training keeps falling, validation turns up (overfitting)."""
    rng = np.random.default_rng(seed)
    t = np.arange(1, num_epochs + 1)
    train = 2.0 * np.exp(-t / 7.0) + 0.05 + 0.02 * rng.random(num_epochs)
    val = train + 0.08 + 0.0015 * np.maximum(t - 15, 0) ** 2 + 0.03 * rng.random(num_epochs)
    return train, val


# --------------------------------------------------------------------------------------------
# Lesson viz.anatomy

def anatomy(out_dir: Path) -> list[Path]:
    """A labelled anatomy of a figure, histograms with different bins, a training curve."""
    x = np.linspace(0.0, 4.0, 60)
    fig, ax = plt.subplots(figsize=(8, 5))
    fig.patch.set_facecolor("#f4f4f8")
    ax.plot(x, np.exp(-x) * 3, label="a line (Line2D)")
    ax.scatter(x[::6], np.exp(-x[::6]) * 3 + 0.3, color="C1", label="points (PathCollection)")
    ax.bar([2.8, 3.2, 3.6], [0.9, 1.4, 0.6], width=0.3, color="C2", alpha=0.6,
           label="bars (Rectangle patches)")
    ax.set(title="the title: ax.set_title(...)", xlabel="the x label: ax.set_xlabel(...)",
           ylabel="the y label: ax.set_ylabel(...)", xlim=(-0.2, 4.2), ylim=(0, 3.6))
    ax.legend(title="the legend: ax.legend()", loc="upper right")
    style: dict[str, Any] = {"fontsize": 9, "color": "darkred",
             "bbox": {"boxstyle": "round", "fc": "white", "ec": "darkred"}}
    arrow = {"arrowstyle": "->", "color": "darkred"}
    ax.annotate("Figure (fig): the whole canvas,\nwhat fig.savefig(...) writes", xy=(0.01, 0.02),
                xycoords="figure fraction", **style)
    ax.annotate("Axes (ax): one plotting area\nwith its own x- and y-axis", xy=(1.0, 2.45),
                **style)
    ax.annotate("tick labels", xy=(0.36, -0.035), xycoords="axes fraction", xytext=(0.42, 0.12),
                textcoords="axes fraction", arrowprops=arrow, **style)
    first = save(fig, out_dir, "viz_anatomy.png")

    rng = np.random.default_rng(1)
    data = np.concatenate([rng.normal(0.0, 1.0, 400), rng.normal(3.5, 0.6, 150)])
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.4), sharey=False)
    for ax, bins in zip(axes, (4, 20, 150), strict=True):
        counts, edges, _ = ax.hist(data, bins=bins, edgecolor="white")
        ax.set(title=f"bins = {bins}", xlabel="value", ylabel="count")
    axes[0].annotate("too few: the two bumps merge", (0.03, 0.9), xycoords="axes fraction",
                     fontsize=8)
    axes[2].annotate("too many: noise", (0.03, 0.9), xycoords="axes fraction", fontsize=8)
    second = save(fig, out_dir, "viz_bins.png")

    train, val = _loss_curves()
    fig = plots.training_curve(train, val, log_scale=True)
    third = save(fig, out_dir, "viz_training_curve.png")
    return [first, second, third]


# --------------------------------------------------------------------------------------------
# Lesson viz.choosing

def choosing(out_dir: Path) -> list[Path]:
    """A gallery (which plot for which question), iris by class, an annotated box plot."""
    rng = np.random.default_rng(2)
    fig, axes = plt.subplots(1, 4, figsize=(14, 3.3))
    axes[0].hist(rng.gamma(2.0, 2.0, 500), bins=25, edgecolor="white")
    axes[0].set(title="one variable's distribution\n→ histogram", xlabel="value", ylabel="count")
    u = rng.normal(size=120)
    axes[1].scatter(u, 0.7 * u + 0.5 * rng.normal(size=120), s=12)
    axes[1].set(title="two numeric variables\n→ scatter plot", xlabel="x", ylabel="y")
    t = np.arange(1, 51)
    axes[2].plot(t, 10 + np.cumsum(rng.normal(0.1, 1.0, 50)))
    axes[2].set(title="a value over time\n→ line plot", xlabel="time", ylabel="value")
    axes[3].bar(["A", "B", "C", "D"], [23, 41, 17, 30], color="C2")
    axes[3].set(title="a number per category\n→ bar chart", xlabel="category", ylabel="count")
    first = save(fig, out_dir, "viz_gallery.png")

    iris = load_iris()
    fig = plots.scatter_by_class(iris.data[:, 2:4], iris.target,
                                 [str(n) for n in iris.target_names],
                                 ("petal length (cm)", "petal width (cm)"))
    fig.axes[0].set_title("Iris: one scatter group per species")
    second = save(fig, out_dir, "viz_scatter_iris.png")

    x = np.concatenate([rng.normal(50, 10, 200), [105.0, 112.0, 5.0]])
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    iqr = q3 - q1
    inside = x[(x >= q1 - 1.5 * iqr) & (x <= q3 + 1.5 * iqr)]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [1, 1.4]})
    ax = axes[0]
    ax.boxplot(x, widths=0.4)
    ax.set(xticks=[], ylabel="value", title="Reading a box plot", xlim=(0.5, 2.2))
    labels = [(q1, "Q1 (25 %)"), (med, "median"), (q3, "Q3 (75 %)"),
              (inside.max(), "whisker: largest value\nwithin Q3 + 1.5 IQR"),
              (inside.min(), "whisker: smallest value\nwithin Q1 - 1.5 IQR"),
              (112.0, "outliers (fliers)")]
    for value, text in labels:
        ax.annotate(text, xy=(1.22, value), xytext=(1.4, value), va="center", fontsize=8,
                    arrowprops={"arrowstyle": "->"})
    diabetes = load_diabetes(as_frame=True).data[["bmi", "bp", "s1", "s3", "s4", "s6"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MatplotlibDeprecationWarning)  # seaborn 0.13's `vert=`
        sns.boxplot(data=diabetes, whis=1.5, ax=axes[1])
    axes[1].set(title="Six diabetes features (scaled): sns.boxplot(data=df)", ylabel="value")
    third = save(fig, out_dir, "viz_boxplot.png")
    return [first, second, third]


# --------------------------------------------------------------------------------------------
# Lesson viz.seaborn

def seaborn(out_dir: Path) -> list[Path]:
    """What a correlation looks like, an annotated heatmap, and a pair plot of iris."""
    rng = np.random.default_rng(3)
    fig, axes = plt.subplots(1, 5, figsize=(14, 2.9))
    z = rng.normal(size=(2, 200))
    for ax, r in zip(axes, (-0.9, -0.4, 0.0, 0.5, 0.95), strict=True):
        y = r * z[0] + np.sqrt(1 - r**2) * z[1]
        measured = np.corrcoef(z[0], y)[0, 1]
        ax.scatter(z[0], y, s=6)
        ax.set(title=f"r = {measured:.2f}", xticks=[], yticks=[])
    fig.suptitle("Pearson correlation: how close the cloud is to a straight line")
    first = save(fig, out_dir, "viz_correlations.png")

    wine = load_wine(as_frame=True).data[["alcohol", "malic_acid", "alcalinity_of_ash",
                                           "total_phenols", "flavanoids", "color_intensity",
                                           "proline"]]
    fig = plots.correlation_heatmap(wine)
    second = save(fig, out_dir, "viz_heatmap.png")

    bunch = load_iris(as_frame=True)
    iris = bunch.data.assign(species=bunch.target.map(dict(enumerate(bunch.target_names))))
    fig = plots.pair_plot(pd.DataFrame(iris), hue="species")
    third = save(fig, out_dir, "viz_pairplot.png", layout=None)
    return [first, second, third]
