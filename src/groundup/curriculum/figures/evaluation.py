"""Figures for the evaluation and bias-variance lessons (matplotlib, Agg backend, seeded)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402
from groundup.ml import bias_variance as bv  # noqa: E402
from groundup.ml import metrics, model_selection  # noqa: E402

_save = save  # figures are written by the shared helper (tight layout)

def _nearest_centroid(X_train: np.ndarray, y_train: np.ndarray,
                      X_test: np.ndarray) -> np.ndarray:
    """Predict the class whose training mean is closest: a classifier in three lines."""
    classes = np.unique(y_train)
    centroids = np.stack([X_train[y_train == c].mean(axis=0) for c in classes])  # (k, d)
    d2 = ((X_test[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)        # (n, k)
    return classes[np.argmin(d2, axis=1)]


def _heatmap(ax: plt.Axes, C: np.ndarray, labels: list[str], title: str, fmt: str) -> None:
    ax.imshow(C, cmap="Blues")
    for (i, j), v in np.ndenumerate(C):
        ax.text(j, i, format(v, fmt), ha="center", va="center",
                color="white" if v > C.max() / 2 else "black")
    ax.set(xticks=range(len(labels)), yticks=range(len(labels)), xticklabels=labels,
           yticklabels=labels, xlabel="predicted class", ylabel="true class", title=title)


def _two_bumps(n: int, separation: float, rng: np.random.Generator,
               positive_share: float = 0.3) -> tuple[np.ndarray, np.ndarray]:
    """Labels and scores: negatives ~ N(0, 1), positives ~ N(separation, 1)."""
    y = (rng.random(n) < positive_share).astype(int)
    return y, rng.normal(size=n) + separation * y


def classification(out_dir: Path) -> list[Path]:
    """A confusion matrix on wine; precision, recall and F1 as the threshold moves."""
    from sklearn.datasets import load_wine

    X, y = load_wine(return_X_y=True)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    X_train, X_test, y_train, y_test = model_selection.train_test_split(
        X[:, :4], y, test_size=0.4, stratify=y, random_state=0)
    y_hat = _nearest_centroid(X_train, y_train, X_test)
    names = ["class 0", "class 1", "class 2"]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2))
    _heatmap(axes[0], metrics.confusion_matrix(y_test, y_hat), names,
             "Counts (rows: truth, columns: prediction)", "d")
    _heatmap(axes[1], metrics.confusion_matrix(y_test, y_hat, normalize="true"), names,
             "normalize='true': each row sums to 1\n(the diagonal is each class's recall)", ".2f")
    first = _save(fig, out_dir, "confusion_matrix.png")

    rng = np.random.default_rng(0)
    labels, scores = _two_bumps(2000, 2.0, rng)
    thresholds = np.linspace(-2, 4, 121)
    prf = np.array([metrics.precision_recall_f1(labels, (scores >= t).astype(int))
                    for t in thresholds])  # (n_thresholds, 3)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    bins = np.linspace(-4, 6, 60)
    axes[0].hist(scores[labels == 0], bins=bins, alpha=0.6, label="negatives (y = 0)")
    axes[0].hist(scores[labels == 1], bins=bins, alpha=0.6, label="positives (y = 1)")
    axes[0].axvline(1.0, color="k", ls="--", label="threshold 1.0: predict 1 to the right")
    axes[0].set(title="A classifier's scores for both classes", xlabel="score", ylabel="count")
    axes[0].legend(fontsize=8)
    for k, name in enumerate(("precision", "recall", "F1")):
        axes[1].plot(thresholds, prf[:, k], label=name, lw=2 if name == "F1" else 1.5)
    best = thresholds[np.argmax(prf[:, 2])]
    axes[1].axvline(best, color="gray", ls=":", label=f"best F1 at threshold {best:.2f}")
    axes[1].set(title="Raising the threshold trades recall for precision", xlabel="threshold",
                ylim=(0, 1.02))
    axes[1].legend(fontsize=8)
    return [first, _save(fig, out_dir, "precision_recall.png")]


def roc(out_dir: Path) -> list[Path]:
    """ROC curves for scores of three qualities; a small example with a tie."""
    rng = np.random.default_rng(1)
    fig, axes = plt.subplots(1, 2, figsize=(10.5, 4.5))
    for separation in (0.5, 1.5, 3.0):
        y, s = _two_bumps(1000, separation, rng, positive_share=0.5)
        fpr, tpr, _ = metrics.roc_curve(y, s)
        auc = metrics.roc_auc_score(y, s)
        axes[0].plot(fpr, tpr, label=f"classes {separation} apart: AUC = {auc:.3f}")
    axes[0].plot([0, 1], [0, 1], "k--", lw=1, label="random scores: AUC = 0.5")
    axes[0].set(title="ROC curves: better separation, more area", xlabel="false positive rate",
                ylabel="true positive rate", aspect="equal")
    axes[0].legend(fontsize=8, loc="lower right")

    y_small = np.array([0, 0, 1, 0, 1, 1])
    s_small = np.array([0.1, 0.3, 0.3, 0.6, 0.7, 0.9])
    fpr, tpr, thr = metrics.roc_curve(y_small, s_small, drop_intermediate=False)
    axes[1].fill_between(fpr, tpr, alpha=0.2, step=None)
    axes[1].plot(fpr, tpr, "o-")
    for f, t, th in zip(fpr[1:], tpr[1:], thr[1:], strict=True):
        axes[1].annotate(f"τ = {th:g}", (f, t), textcoords="offset points", xytext=(6, -12),
                         fontsize=8)
    auc = metrics.roc_auc_score(y_small, s_small)
    axes[1].set(title=f"6 samples, a tie at 0.3: AUC = {auc:.3f}\n(the tie is a diagonal step)",
                xlabel="false positive rate", ylabel="true positive rate", aspect="equal")
    return [_save(fig, out_dir, "roc_curves.png")]


def validation(out_dir: Path) -> list[Path]:
    """A picture of 5-fold cross-validation; single-split scores scatter, CV means less."""
    n, k = 20, 5
    splits = model_selection.kfold_indices(n, k)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [1.1, 1]})
    ax = axes[0]
    for i, (_, test) in enumerate(splits):
        for j in range(n):
            color = "tab:orange" if j in set(test.tolist()) else "tab:blue"
            ax.add_patch(Rectangle((j, k - 1 - i), 0.9, 0.8, color=color))
    ax.add_patch(Rectangle((0, 0), 0, 0, color="tab:blue", label="train"))
    ax.add_patch(Rectangle((0, 0), 0, 0, color="tab:orange", label="test"))
    ax.set(xlim=(0, n), ylim=(0, k), yticks=np.arange(k) + 0.4,
           yticklabels=[f"split {i + 1}" for i in range(k)][::-1], xlabel="sample index",
           title="5-fold cross-validation: every sample is tested once")
    ax.legend(loc="upper right", fontsize=8, bbox_to_anchor=(1.0, 1.18), ncol=2)

    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    X1 = np.column_stack([np.ones(len(X)), X])  # (n, 1 + d): a column for the intercept

    def r2_on(train: np.ndarray, test: np.ndarray) -> float:
        w = np.linalg.lstsq(X1[train], y[train], rcond=None)[0]
        return metrics.r2_score(y[test], X1[test] @ w)

    idx = np.arange(len(y))
    single, cv_means = [], []
    for seed in range(200):
        train, test = model_selection.train_test_split(idx, test_size=0.2, random_state=seed)
        single.append(r2_on(train, test))
        folds = model_selection.kfold_indices(len(y), 5, shuffle=True, random_state=seed)
        cv_means.append(np.mean([r2_on(tr, te) for tr, te in folds]))
    bins = np.linspace(0.2, 0.75, 45)
    axes[1].hist(single, bins=bins, alpha=0.6, label="one 80/20 split")
    axes[1].hist(cv_means, bins=bins, alpha=0.6, label="mean of 5-fold CV")
    axes[1].set(title="Linear regression on diabetes: R² estimates\nover 200 random seeds",
                xlabel="estimated R²", ylabel="count")
    axes[1].legend(fontsize=8)
    return [_save(fig, out_dir, "kfold.png")]


def bias_variance(out_dir: Path) -> list[Path]:
    """Underfit, good fit and overfit polynomials; the U-shaped test error."""
    rng = np.random.default_rng(0)
    n_train, noise = 15, 0.3
    x = np.linspace(0, 1, n_train)
    grid = np.linspace(0, 1, 200)
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8), sharey=True)
    for ax, degree, name in zip(axes, (1, 4, 12), ("underfit", "about right", "overfit"),
                                strict=True):
        fits = []
        for _ in range(20):
            y = bv.true_function(x) + noise * rng.normal(size=n_train)
            fits.append(np.polyval(np.polyfit(x, y, degree), grid))
            ax.plot(grid, fits[-1], color="tab:blue", alpha=0.25, lw=1)
        ax.plot(grid, np.mean(fits, axis=0), color="tab:red", lw=2, label="mean of the fits")
        ax.plot(grid, bv.true_function(grid), "k--", lw=1.5, label="true f(x) = sin(2πx)")
        ax.scatter(x, y, s=12, color="k", zorder=3, label="one training set")
        ax.set(title=f"degree {degree}: {name}", xlabel="x", ylim=(-2, 2))
    axes[0].set_ylabel("y")
    axes[0].legend(fontsize=8, loc="lower left")
    first = _save(fig, out_dir, "fits.png")

    out = bv.bias_variance_curve(np.arange(0, 13), n_datasets=400, n_train=n_train,
                                 noise=noise, seed=0)
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    ax.plot(out["degree"], out["bias2"], "o-", label="bias²")
    ax.plot(out["degree"], out["variance"], "s-", label="variance")
    ax.plot(out["degree"], out["noise"], ":", color="gray", label="noise σ²")
    ax.plot(out["degree"], out["error"], "k^-", lw=2, label="expected test error")
    ax.plot(out["degree"], out["bias2"] + out["variance"] + out["noise"], "y--", lw=1,
            label="bias² + variance + noise")
    best = int(out["degree"][np.argmin(out["error"])])
    ax.axvline(best, color="gray", alpha=0.4)
    ax.set(yscale="log", xlabel="polynomial degree", ylabel="mean squared error",
           title=f"The U-shaped curve (15 points, σ = 0.3; best degree {best})")
    ax.legend(fontsize=8)
    return [first, _save(fig, out_dir, "u_curve.png")]
