"""Figures for the CNN lessons (matplotlib, Agg backend, seeded).

The pooling lesson trains a small digits CNN for a few epochs (seeded, a few seconds) and
shows its learning curves, its first-layer filters and the feature maps of one digit.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402
from groundup.nn import conv  # noqa: E402
from groundup.nn.tensor import Tensor, no_grad  # noqa: E402

_save = save  # figures are written by the shared helper (tight layout)

def _digit(index: int = 0) -> np.ndarray:
    from sklearn.datasets import load_digits

    return load_digits().images[index] / 16.0  # (8, 8) in [0, 1]


def _annotate(ax: plt.Axes, values: np.ndarray, fmt: str = "{:.1f}", size: int = 7) -> None:
    lo, hi = float(values.min()), float(values.max())
    diverging = lo < 0 < hi
    for (i, j), v in np.ndenumerate(values):
        # white text on the dark end of the colour map
        dark = abs(v) > 0.6 * max(abs(lo), abs(hi)) if diverging else \
            (v - lo) > 0.6 * (hi - lo) if hi > lo else False
        ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=size,
                color="white" if dark else "black")


def _shapes_image(size: int = 48) -> np.ndarray:
    """A grey image with a filled disc and a square: edges in every direction."""
    yy, xx = np.mgrid[:size, :size]
    img = ((yy - 16) ** 2 + (xx - 16) ** 2 < 10 ** 2).astype(float)
    img[26:42, 24:42] = 0.7
    return img


def convolution(out_dir: Path) -> list[Path]:
    """Convolution by hand on a digit, edge filters, and the im2col picture."""
    paths = []

    # 1. one output number = kernel * window, summed
    img = _digit(0)
    kernel = np.array([[1.0, 0, -1], [2, 0, -2], [1, 0, -1]])  # Sobel: vertical edges
    out = conv.correlate2d(img, kernel)
    i, j = 2, 1
    fig, axes = plt.subplots(1, 3, figsize=(12, 4), gridspec_kw={"width_ratios": [8, 3, 6]})
    axes[0].imshow(img, cmap="gray_r")
    axes[0].add_patch(Rectangle((j - 0.5, i - 0.5), 3, 3, fill=False, ec="tab:red", lw=2.5))
    axes[0].set(title="input image (8 x 8) and one 3 x 3 window")
    axes[1].imshow(kernel, cmap="RdBu_r", vmin=-2, vmax=2)
    _annotate(axes[1], kernel, "{:.0f}", 10)
    axes[1].set(title="kernel (3 x 3)")
    axes[2].imshow(out, cmap="RdBu_r", vmin=-np.abs(out).max(), vmax=np.abs(out).max())
    axes[2].add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, ec="tab:red", lw=2.5))
    _annotate(axes[2], out)
    axes[2].set(title=f"output (6 x 6): out[{i}, {j}] = {out[i, j]:.2f}")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    paths.append(_save(fig, out_dir, "conv_by_hand.png"))

    # 2. what filters detect
    shapes = _shapes_image()
    filters = {
        "vertical edges (Sobel x)": kernel,
        "horizontal edges (Sobel y)": kernel.T,
        "blur (3 x 3 mean)": np.full((3, 3), 1 / 9),
        "sharpen": np.array([[0.0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    }
    fig, axes = plt.subplots(1, 5, figsize=(15, 3.4))
    axes[0].imshow(shapes, cmap="gray_r")
    axes[0].set(title="input")
    for ax, (name, k) in zip(axes[1:], filters.items(), strict=True):
        fmap = conv.correlate2d(shapes, k)
        lim = np.abs(fmap).max()
        ax.imshow(fmap, cmap="RdBu_r" if fmap.min() < 0 else "gray_r",
                  vmin=-lim if fmap.min() < 0 else 0, vmax=lim)
        ax.set(title=name)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    paths.append(_save(fig, out_dir, "edges.png"))

    # 3. im2col: windows become columns, the convolution one matrix product
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    cols = conv.im2col(x, 3)[0]  # (9, 4)
    fig, axes = plt.subplots(1, 3, figsize=(12, 4.2), gridspec_kw={"width_ratios": [4, 4, 2]})
    axes[0].imshow(x[0, 0], cmap="Blues", alpha=0.6)
    _annotate(axes[0], x[0, 0], "{:.0f}", 10)
    colors = ["tab:red", "tab:green", "tab:orange", "tab:purple"]
    for n, (r, c) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        axes[0].add_patch(Rectangle((c - 0.45 + 0.03 * n, r - 0.45 + 0.03 * n), 2.9, 2.9,
                                    fill=False, ec=colors[n], lw=2))
    axes[0].set(title="4 x 4 image, four 3 x 3 windows")
    axes[1].imshow(cols, cmap="Blues", alpha=0.6, aspect="auto")
    _annotate(axes[1], cols, "{:.0f}", 9)
    for n in range(4):
        axes[1].add_patch(Rectangle((n - 0.5, -0.5), 1, 9, fill=False, ec=colors[n], lw=2))
    axes[1].set(title="im2col: one window per column (9 x 4)",
                xlabel="output position l = i * OW + j", ylabel="c * 9 + u * 3 + v")
    w = np.arange(1.0, 10.0) / 10
    axes[2].imshow((w @ cols).reshape(2, 2), cmap="Oranges")
    _annotate(axes[2], (w @ cols).reshape(2, 2), "{:.1f}", 10)
    axes[2].set(title="W (1 x 9) @ cols\n= output (2 x 2)")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    paths.append(_save(fig, out_dir, "im2col.png"))
    return paths


def pooling(out_dir: Path) -> list[Path]:
    """Max and average pooling; a briefly trained digits CNN: curves, filters, feature maps."""
    from groundup.nn.examples import load_digits_images, train_digits_cnn

    paths = []
    rng = np.random.default_rng(0)
    fmap = rng.integers(0, 10, size=(1, 1, 6, 6)).astype(float)
    mx, idx = conv.max_pool2d_numpy(fmap, 2)
    avg = conv.avg_pool2d(Tensor(fmap), 2).data
    fig, axes = plt.subplots(1, 3, figsize=(12, 4), gridspec_kw={"width_ratios": [6, 3, 3]})
    axes[0].imshow(fmap[0, 0], cmap="Greens", alpha=0.7)
    _annotate(axes[0], fmap[0, 0], "{:.0f}", 10)
    for r in range(3):
        for c in range(3):
            axes[0].add_patch(Rectangle((2 * c - 0.5, 2 * r - 0.5), 2, 2, fill=False, ec="k",
                                        lw=1.5))
    h, w = np.divmod(idx[0, 0].ravel(), 6)
    axes[0].scatter(w, h, s=500, facecolors="none", edgecolors="tab:red", lw=2,
                    label="argmax (gets the gradient)")
    axes[0].legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), fontsize=8)
    axes[0].set(title="feature map (6 x 6), 2 x 2 windows")
    axes[1].imshow(mx[0, 0], cmap="Greens", alpha=0.7)
    _annotate(axes[1], mx[0, 0], "{:.0f}", 10)
    axes[1].set(title="max pooling (3 x 3)")
    axes[2].imshow(avg[0, 0], cmap="Greens", alpha=0.7)
    _annotate(axes[2], avg[0, 0], "{:.2f}", 10)
    axes[2].set(title="average pooling (3 x 3)")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    paths.append(_save(fig, out_dir, "pooling.png"))

    # a short, seeded training run (a few seconds)
    model, history = train_digits_cnn(epochs=6, seed=0, progress=False, channels=(8, 16))
    epochs = np.arange(1, len(history["loss"]) + 1)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    axes[0].plot(epochs, history["loss"], marker="o", label="training loss")
    axes[0].set(title="cross-entropy while training", xlabel="epoch", ylabel="loss")
    axes[1].plot(epochs, history["train_acc"], marker="o", label="training")
    axes[1].plot(epochs, history["test_acc"], marker="s", label="test (held out)")
    axes[1].set(title="accuracy", xlabel="epoch", ylabel="fraction correct", ylim=(0, 1.02))
    for ax in axes:
        ax.legend()
        ax.grid(alpha=0.3)
    paths.append(_save(fig, out_dir, "training.png"))

    _, X_test, _, _ = load_digits_images(0)
    x = X_test[:1]  # (1, 1, 8, 8)
    conv1 = model[0]
    assert isinstance(conv1, conv.Conv2d)
    with no_grad():
        maps = model[1](conv1(Tensor(x))).data[0]  # (8, 8, 8) after ReLU
    filters = conv1.weight.data[:, 0]  # (8, 3, 3)
    fig, axes = plt.subplots(3, 8, figsize=(13, 5.2))
    for k in range(8):
        lim = np.abs(filters[k]).max()
        axes[0, k].imshow(filters[k], cmap="RdBu_r", vmin=-lim, vmax=lim)
        axes[0, k].set_title(f"filter {k}", fontsize=8)
        axes[1, k].imshow(maps[k], cmap="magma")
        axes[1, k].set_title(f"feature map {k}", fontsize=8)
    axes[2, 0].imshow(x[0, 0], cmap="gray_r")
    axes[2, 0].set_title("input digit", fontsize=8)
    with no_grad():
        probs = model(Tensor(x)).softmax().data[0]
    axes[2, 1].remove()
    bar_ax = fig.add_subplot(3, 8, (18, 24))
    bar_ax.bar(np.arange(10), probs, color="tab:blue")
    bar_ax.set(title="the network's probabilities for each class", xticks=np.arange(10),
               ylim=(0, 1))
    for ax in axes.ravel():
        ax.set_xticks([])
        ax.set_yticks([])
    for ax in axes[2, 2:]:
        ax.remove()
    paths.append(_save(fig, out_dir, "filters.png"))
    return paths
