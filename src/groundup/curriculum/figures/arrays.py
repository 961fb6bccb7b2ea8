"""Figures for the NumPy lessons (matplotlib, Agg backend, seeded)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from groundup import arrays  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402

_save = save  # figures are written by the shared helper (tight layout)

def _grid(ax: Axes, values: np.ndarray, title: str, real: np.ndarray | None = None,
          cmap: str = "Blues", fmt: str = "{:g}") -> None:
    """Draw a small 2-D array as a table of coloured cells; cells outside ``real`` are faded."""
    values = np.atleast_2d(values)
    real = np.ones(values.shape, bool) if real is None else real
    ax.imshow(values, cmap=cmap, vmin=values.min() - 0.3 * np.ptp(values) - 1,
              vmax=values.max() + 1, alpha=np.where(real, 1.0, 0.35))
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=11,
                color="black" if real[i, j] else "gray")
    ax.set_xticks(np.arange(values.shape[1] + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(values.shape[0] + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    ax.set_title(title, fontsize=10)


# --------------------------------------------------------------------------------------------
# Lesson np.vectorisation

def vectorisation(out_dir: Path) -> list[Path]:
    """Broadcasting as a picture; three vectorised computations on data."""
    a = np.array([[0.0], [10.0], [20.0]])  # (3, 1)
    b = np.array([[1.0, 2.0, 3.0, 4.0]])  # (1, 4)
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.2))
    col_real = np.zeros((3, 4), bool)
    col_real[:, 0] = True
    row_real = np.zeros((3, 4), bool)
    row_real[0, :] = True
    _grid(axes[0], np.broadcast_to(a, (3, 4)), "a, shape (3, 1), stretched along axis 1",
          col_real)
    _grid(axes[1], np.broadcast_to(b, (3, 4)), "b, shape (1, 4), stretched along axis 0",
          row_real, cmap="Oranges")
    _grid(axes[2], a + b, "a + b, shape (3, 4)", cmap="Greens")
    first = _save(fig, out_dir, "broadcasting.png")

    rng = np.random.default_rng(0)
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    t = np.arange(300)
    x = np.sin(t / 30) + 0.4 * rng.normal(size=t.size)
    axes[0].plot(t, x, color="0.7", lw=0.8, label="noisy signal")
    for w in (5, 25):
        axes[0].plot(t[w - 1:], arrays.moving_average(x, w), label=f"moving average, w = {w}")
    axes[0].set(title="Moving average from cumulative sums", xlabel="t")
    axes[0].legend(fontsize=8)

    z = np.array([2.0, 1.0, 0.1, -1.0])
    k = np.arange(z.size)
    axes[1].bar(k - 0.2, arrays.softmax(z), 0.4, label="softmax(z)")
    axes[1].bar(k + 0.2, arrays.softmax(z + 1000.0), 0.4, label="softmax(z + 1000), stable",
                hatch="//", alpha=0.7)
    axes[1].set(title="Softmax ignores a shift; max-subtraction uses that", xlabel="class k",
                ylabel="probability", xticks=k)
    axes[1].legend(fontsize=8)

    X = np.column_stack([rng.normal(170, 10, 200), rng.normal(70_000, 15_000, 200)])
    Z = arrays.standardize_columns(X)
    axes[2].scatter(X[:, 0] / 10, X[:, 1] / 10_000, s=8, alpha=0.6,
                    label="raw (height / 10, income / 10 000)")
    axes[2].scatter(Z[:, 0], Z[:, 1], s=8, alpha=0.6, label="standardised columns")
    axes[2].axhline(0, color="0.8", lw=0.8)
    axes[2].axvline(0, color="0.8", lw=0.8)
    axes[2].set(title="Standardising: each column mean 0, std 1", xlabel="feature 1",
                ylabel="feature 2")
    axes[2].legend(fontsize=8, loc="lower right")
    return [first, _save(fig, out_dir, "vectorised.png")]


# --------------------------------------------------------------------------------------------
# Lesson np.indexing

def indexing(out_dir: Path) -> list[Path]:
    """Reductions along an axis, with and without keepdims; masks; one-hot by fancy indexing."""
    M = np.arange(1.0, 13.0).reshape(4, 3)
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.4),
                             gridspec_kw={"width_ratios": [3, 3, 1.4]})
    _grid(axes[0], M, "M, shape (4, 3)")
    _grid(axes[1], M.sum(axis=0, keepdims=True),
          "M.sum(axis=0, keepdims=True): shape (1, 3)\nrows collapse, one sum per column",
          cmap="Oranges")
    _grid(axes[2], M.sum(axis=1, keepdims=True),
          "M.sum(axis=1,\nkeepdims=True): (4, 1)", cmap="Greens")
    first = _save(fig, out_dir, "axes.png")

    rng = np.random.default_rng(1)
    x = rng.normal(50, 5, size=(60, 1))
    x[[7, 22, 41], 0] = [95.0, 12.0, 88.0]
    cleaned = arrays.replace_outliers(x, k=3.0)
    mu, sd = x.mean(), x.std()
    mask = cleaned[:, 0] != x[:, 0]
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [2, 1]})
    i = np.arange(x.shape[0])
    axes[0].scatter(i[~mask], x[~mask, 0], s=12, label="kept")
    axes[0].scatter(i[mask], x[mask, 0], s=40, color="C3", marker="x",
                    label="outlier: |x - mean| > 3 std")
    axes[0].scatter(i[mask], cleaned[mask, 0], s=40, color="C2", marker="o",
                    facecolors="none", label="replaced by the median")
    axes[0].fill_between([0, i[-1]], mu - 3 * sd, mu + 3 * sd, color="C0", alpha=0.1,
                         label="mean ± 3 std")
    axes[0].set(title="A boolean mask picks the outliers; np.where replaces them",
                xlabel="row", ylabel="value")
    axes[0].legend(fontsize=8)

    y = np.array([2, 0, 1, 3, 1])
    H = arrays.one_hot(y, 4)
    axes[1].imshow(H, cmap="Greys", vmin=0, vmax=1.4)
    for (r, c), v in np.ndenumerate(H):
        axes[1].text(c, r, f"{v:g}", ha="center", va="center",
                     color="white" if v else "black")
    axes[1].set(title="np.eye(4)[y] with y = [2, 0, 1, 3, 1]", xlabel="class",
                ylabel="sample", xticks=range(4), yticks=range(5))
    return [first, _save(fig, out_dir, "masks.png")]


# --------------------------------------------------------------------------------------------
# Lesson np.dtypes_random

def dtypes_random(out_dir: Path) -> list[Path]:
    """uint8 wrap-around and float32 drift; bootstrap means from seeded generators."""
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
    pixel = np.arange(256, dtype=np.uint8)
    axes[0].plot(pixel, pixel + np.uint8(100), label="pixel + 100 in uint8 (wraps around)")
    axes[0].plot(pixel, arrays.adjust_brightness(pixel, 100), "--",
                 label="clip(int(pixel) + 100, 0, 255)")
    axes[0].set(title="uint8 arithmetic wraps around at 256", xlabel="pixel value",
                ylabel="brightened value")
    axes[0].legend(fontsize=8)

    readings = np.full(1_000_000, 0.1, dtype=np.float32)
    n = np.arange(1, readings.size + 1)
    exact = n * float(np.float32(0.1))
    f32 = np.cumsum(readings)  # float32 accumulator
    f64 = arrays.running_total(readings)  # float64 accumulator
    every = np.unique(np.logspace(0, 6, 200).astype(int)) - 1
    err32 = np.abs(f32[every] - exact[every]) / exact[every]
    err64 = np.abs(f64[every] - exact[every]) / exact[every]
    axes[1].loglog(n[every], np.maximum(err32, 1e-12), label="float32 running total")
    axes[1].axhline(float(np.finfo(np.float32).eps), color="0.6", ls=":",
                    label="float32 machine epsilon")
    axes[1].text(10, 3e-11, f"float64 running total: largest error {err64.max():.1g}\n"
                 "(53-bit accumulator: every partial sum is exact here)", fontsize=8)
    axes[1].set(title="Adding 0.1 (float32) a million times: relative error",
                xlabel="number of terms", ylabel="relative error", ylim=(1e-12, 1))
    axes[1].legend(fontsize=8, loc="upper left")
    first = _save(fig, out_dir, "dtypes.png")

    x = np.random.default_rng(3).exponential(2.0, size=40)
    fig, ax = plt.subplots(figsize=(7, 3.8))
    bins = np.linspace(0.8, 3.6, 50).tolist()
    for seed in (0, 1):
        ax.hist(arrays.bootstrap_means(x, 5000, seed), bins=bins, alpha=0.5, label=f"seed {seed}")
    ax.hist(arrays.bootstrap_means(x, 5000, 0), bins=bins, histtype="step", color="k",
            label="seed 0 again: identical")
    ax.axvline(x.mean(), color="C3", label="sample mean")
    ax.set(title="5000 bootstrap means of 40 values", xlabel="mean of a resample",
           ylabel="count")
    ax.legend(fontsize=8)
    return [first, _save(fig, out_dir, "bootstrap.png")]
