"""Figures for the decision-tree and random-forest lessons (matplotlib, Agg backend, seeded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
from sklearn.datasets import load_wine, make_moons  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402
from groundup.ml import ensemble, tree  # noqa: E402

CMAP = "coolwarm"


_save = save  # figures are written by the shared helper (tight layout)

def _moons(n: int = 300, noise: float = 0.3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    return make_moons(n_samples=n, noise=noise, random_state=seed)


def _boundary(ax: Any, model: Any, X: np.ndarray, y: np.ndarray, title: str) -> None:
    xx, yy = np.meshgrid(np.linspace(X[:, 0].min() - 0.5, X[:, 0].max() + 0.5, 300),
                         np.linspace(X[:, 1].min() - 0.5, X[:, 1].max() + 0.5, 300))
    grid = np.c_[xx.ravel(), yy.ravel()]  # (90000, 2)
    proba = model.predict_proba(grid)[:, 1].reshape(xx.shape)  # (300, 300)
    ax.contourf(xx, yy, proba, levels=np.linspace(0, 1, 11), cmap=CMAP, alpha=0.6)
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap=CMAP, s=12, edgecolors="k", linewidths=0.3)
    ax.set(title=title, xlabel="$x_1$", ylabel="$x_2$", xticks=[], yticks=[])


def _draw_tree(ax: Any, t: tree.Tree, names: list[str], classes: list[str]) -> None:
    """Boxes and arrows: a node's x is the middle of its leaves (in-order), y its depth."""
    x = np.zeros(t.node_count)
    counter = [0.0]

    def place(i: int) -> float:
        if t.left[i] == tree.TREE_LEAF:
            x[i] = counter[0]
            counter[0] += 1
        else:
            x[i] = (place(int(t.left[i])) + place(int(t.right[i]))) / 2
        return float(x[i])

    place(0)
    for i in range(t.node_count):
        if t.left[i] != tree.TREE_LEAF:
            for child, text in ((t.left[i], "yes"), (t.right[i], "no")):
                ax.annotate("", xy=(x[child], -t.depth[child] + 0.25),
                            xytext=(x[i], -t.depth[i] - 0.25),
                            arrowprops={"arrowstyle": "->", "color": "0.4"})
                ax.text((x[i] + x[child]) / 2, -t.depth[i] - 0.5, text, fontsize=7,
                        color="0.3", ha="center")
        counts = np.round(t.value[i] * t.n_node_samples[i]).astype(int)
        label = f"{names[t.feature[i]]} ≤ {t.threshold[i]:.2f}\n" \
            if t.left[i] != tree.TREE_LEAF else f"→ {classes[int(np.argmax(t.value[i]))]}\n"
        label += f"gini = {t.impurity[i]:.2f}\nn = {counts.tolist()}"
        leaf = t.left[i] == tree.TREE_LEAF
        ax.text(x[i], -t.depth[i], label, ha="center", va="center", fontsize=7,
                bbox={"boxstyle": "round", "fc": "#fde9c9" if leaf else "#dbe8f6", "ec": "0.5"})
    ax.set(xlim=(x.min() - 0.7, x.max() + 0.7), ylim=(-t.depth.max() - 0.6, 0.6))
    ax.axis("off")


def decision_trees(out_dir: Path) -> list[Path]:
    """Impurity curves and a split scan; a drawn tree; the staircase boundary as depth grows."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    p = np.linspace(0, 1, 201)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = np.nan_to_num(-(p * np.log2(p) + (1 - p) * np.log2(1 - p)))
    axes[0].plot(p, 1 - p**2 - (1 - p) ** 2, label="Gini  $1 - p^2 - (1-p)^2$")
    axes[0].plot(p, h, label="entropy  $-p\\log_2 p - (1-p)\\log_2(1-p)$")
    axes[0].plot(p, 1 - np.maximum(p, 1 - p), "--", label="misclassification $1 - \\max(p, 1-p)$")
    axes[0].set(title="Impurity of a two-class node", xlabel="fraction p of class 1",
                ylabel="impurity")
    axes[0].legend(fontsize=7)
    X, y = _moons(120, seed=1)
    order = np.argsort(X[:, 0])
    xs, ys = X[order, 0], y[order]
    gains = [tree.information_gain(ys, np.arange(ys.size) <= i) for i in range(ys.size - 1)]
    thresholds = xs[:-1] / 2 + xs[1:] / 2
    f, thr, gain = tree.best_split(X, y)
    axes[1].plot(thresholds, gains, color="C0", label="gain of each threshold on $x_1$")
    axes[1].scatter(xs, -0.02 - 0.03 * ys, c=ys, cmap=CMAP, s=8, label="samples (by class)")
    if f == 0:
        axes[1].axvline(thr, color="k", ls=":", label=f"best: $x_1 \\leq$ {thr:.2f}")
    axes[1].set(title="Scanning every threshold of one feature", xlabel="threshold on $x_1$",
                ylabel="Gini gain")
    axes[1].legend(fontsize=7)
    first = _save(fig, out_dir, "impurity_and_splits.png")

    fig, ax = plt.subplots(figsize=(10, 4.2))
    wine = load_wine()
    cols = [12, 9]  # proline, colour intensity
    clf = tree.DecisionTreeClassifier(max_depth=2, random_state=0).fit(wine.data[:, cols],
                                                                        wine.target)
    _draw_tree(ax, clf.tree_, ["proline", "colour"], [str(c) for c in wine.target_names])
    ax.set_title("A depth-2 tree on the wine data (yes = go left)")
    second = _save(fig, out_dir, "drawn_tree.png")

    X, y = _moons()
    fig, axes = plt.subplots(1, 4, figsize=(13, 3.4))
    for ax, depth in zip(axes, (1, 2, 4, None), strict=True):
        clf = tree.DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X, y)
        _boundary(ax, clf, X, y, f"max_depth = {depth}\n{clf.get_n_leaves()} leaves, "
                                 f"training accuracy {clf.score(X, y):.2f}")
    third = _save(fig, out_dir, "staircase.png")
    return [first, second, third]


def random_forests(out_dir: Path) -> list[Path]:
    """One tree vs a forest; OOB error as trees are added; feature importances."""
    X, y = _moons(400, noise=0.35)
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.8))
    single = tree.DecisionTreeClassifier(random_state=0).fit(X, y)
    forest = ensemble.RandomForestClassifier(n_estimators=100, random_state=0).fit(X, y)
    _boundary(axes[0], single, X, y, "one fully grown tree")
    _boundary(axes[1], forest, X, y, "random forest, 100 trees (averaged)")
    first = _save(fig, out_dir, "forest_vs_tree.png")

    # a forest grown by hand from the pieces: bootstrap rows, random features, soft votes
    wine = load_wine()
    Xw, yw = wine.data, wine.target
    rng = np.random.default_rng(0)
    n_trees = 150
    probas, masks = [], []
    for t in range(n_trees):
        idx, oob = ensemble.bootstrap_sample(Xw.shape[0], rng)
        clf = tree.DecisionTreeClassifier(max_features="sqrt", random_state=t)
        clf.fit(Xw[idx], yw[idx])
        probas.append(clf.predict_proba(Xw))
        masks.append(oob)
    P, M = np.stack(probas), np.stack(masks)  # (T, n, K), (T, n)
    sizes = np.arange(5, n_trees + 1, 5)
    oob_error = [1 - ensemble.oob_score(P[:k], M[:k], yw) for k in sizes]
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
    axes[0].plot(sizes, oob_error, marker="o", ms=3)
    axes[0].set(title="Out-of-bag error as trees are added (wine)", xlabel="number of trees",
                ylabel="OOB error")
    big = ensemble.RandomForestClassifier(n_estimators=200, random_state=0).fit(Xw, yw)
    one = tree.DecisionTreeClassifier(random_state=0).fit(Xw, yw)
    order = np.argsort(big.feature_importances_)
    pos = np.arange(order.size)
    axes[1].barh(pos + 0.2, big.feature_importances_[order], 0.4, label="forest (200 trees)")
    axes[1].barh(pos - 0.2, one.feature_importances_[order], 0.4, label="one tree")
    axes[1].set_yticks(pos, [wine.feature_names[i] for i in order], fontsize=7)
    axes[1].set(title="Feature importances (impurity decrease)", xlabel="importance")
    axes[1].legend(fontsize=8)
    second = _save(fig, out_dir, "oob_and_importances.png")
    return [first, second]
