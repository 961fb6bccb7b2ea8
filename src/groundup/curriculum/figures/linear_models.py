"""Figures for the linear-regression and logistic-regression lessons (Agg backend, seeded)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402

from groundup.curriculum.figures import save  # noqa: E402
from groundup.ml import linear_model as lm  # noqa: E402
from groundup.ml.preprocessing import standardize  # noqa: E402

COLORS = ["tab:blue", "tab:orange", "tab:green"]


_save = save  # figures are written by the shared helper (tight layout)

def _line_data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 10, size=30)
    y = 1.5 * x + 4 + rng.normal(0, 2.0, size=30)
    return x, y


def linear_regression(out_dir: Path) -> list[Path]:
    """The fitted line with its residuals; the loss surface with a gradient-descent path; the
    ridge coefficients shrinking as alpha grows."""
    paths = []
    x, y = _line_data()
    coef, intercept = lm.normal_equation(x[:, None], y)
    y_hat = coef[0] * x + intercept
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    ax = axes[0]
    ax.vlines(x, np.minimum(y, y_hat), np.maximum(y, y_hat), colors="tab:red", alpha=0.6,
              label="residuals $y_i - \\hat y_i$")
    ax.scatter(x, y, s=18, label="data")
    grid = np.linspace(0, 10, 2)
    ax.plot(grid, coef[0] * grid + intercept, "k",
            label=f"least squares: $\\hat y = {coef[0]:.2f}x + {intercept:.2f}$")
    ax.set(title="The line that minimises the squared residuals", xlabel="x", ylabel="y")
    ax.legend(fontsize=8)
    ax = axes[1]
    ax.scatter(y_hat, y - y_hat, s=18, color="tab:red")
    ax.axhline(0.0, color="k", lw=1)
    ax.set(title="Residuals against predictions: no pattern left", xlabel="$\\hat y$",
           ylabel="$y - \\hat y$")
    paths.append(_save(fig, out_dir, "fitted_line.png"))

    # Loss surface over (w, b): raw x makes a long narrow valley; standardised x a round bowl.
    fig, axes = plt.subplots(1, 3, figsize=(14, 4))
    for ax, standardised in zip(axes[:2], (False, True), strict=True):
        X = x[:, None]
        if standardised:
            X = standardize(X)[0]
        w_star, b_star = lm.normal_equation(X, y)
        lr = 0.015 if not standardised else 0.1
        num_epochs = 60
        path_w, path_b = [0.0], [0.0]
        w, b = np.zeros(1), 0.0
        for _ in range(num_epochs):
            _, grad_w, grad_b = lm.mse_loss_and_gradient(X, y, w, b)
            w, b = w - lr * grad_w, b - lr * grad_b
            path_w.append(float(w[0]))
            path_b.append(b)
        ws = np.linspace(-1, w_star[0] * 1.6 + 1, 200)
        bs = np.linspace(-2, b_star * 1.6 + 2, 200)
        Wg, Bg = np.meshgrid(ws, bs)
        loss = ((Wg[..., None] * X[:, 0] + Bg[..., None] - y) ** 2).mean(axis=-1)
        ax.contour(Wg, Bg, np.log(loss), levels=25, cmap="viridis")
        ax.plot(path_w, path_b, "o-", ms=2.5, color="tab:red",
                label=f"gradient descent, lr = {lr}, {num_epochs} steps")
        ax.plot(w_star[0], b_star, "k*", ms=12, label="normal equation")
        title = "standardised x: a round bowl" if standardised else "raw x: a narrow valley"
        ax.set(title=f"MSE loss surface, {title}", xlabel="w", ylabel="b")
        ax.legend(fontsize=7, loc="upper right")
    Xs = standardize(x[:, None])[0]
    _, _, losses = lm.fit_gradient_descent(Xs, y, lr=0.1, num_epochs=60)
    _, _, losses_raw = lm.fit_gradient_descent(x[:, None], y, lr=0.015, num_epochs=60)
    axes[2].semilogy(losses_raw, label="raw x, lr = 0.015")
    axes[2].semilogy(losses, label="standardised x, lr = 0.1")
    axes[2].set(title="Loss per epoch", xlabel="epoch", ylabel="MSE (log scale)")
    axes[2].legend(fontsize=8)
    paths.append(_save(fig, out_dir, "gd_path.png"))

    # Ridge: the coefficients of the diabetes model shrink towards 0 as alpha grows.
    from sklearn.datasets import load_diabetes

    X_d, y_d = load_diabetes(return_X_y=True)
    X_d = standardize(X_d)[0]
    alphas = np.logspace(-2, 4, 60)
    coefs = np.array([lm.ridge_closed_form(X_d, y_d, alpha=a)[0] for a in alphas])
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.semilogx(alphas, coefs)
    ax.axhline(0.0, color="k", lw=0.8)
    ax.set(title="Ridge on the diabetes data: larger alpha, smaller weights",
           xlabel="alpha (log scale)", ylabel="coefficient")
    paths.append(_save(fig, out_dir, "ridge_path.png"))
    return paths


def logistic_regression(out_dir: Path) -> list[Path]:
    """The sigmoid and the log-loss; decision boundaries for two and for three classes."""
    from groundup.ml.linear_model import LogisticRegression

    paths = []
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    z = np.linspace(-8, 8, 400)
    axes[0].plot(z, lm.sigmoid(z), "k")
    axes[0].axhline(0.5, color="gray", ls=":")
    axes[0].axvline(0.0, color="gray", ls=":")
    axes[0].set(title="The sigmoid $\\sigma(z) = 1 / (1 + e^{-z})$", xlabel="score z",
                ylabel="probability of class 1")
    p = np.linspace(0.001, 0.999, 400)
    axes[1].plot(p, -np.log(p), label="label 1: $-\\log p$")
    axes[1].plot(p, -np.log(1 - p), label="label 0: $-\\log(1 - p)$")
    axes[1].set(title="Log-loss: confident mistakes cost the most", xlabel="predicted p",
                ylabel="loss", ylim=(0, 5))
    axes[1].legend(fontsize=8)
    paths.append(_save(fig, out_dir, "sigmoid_log_loss.png"))

    rng = np.random.default_rng(1)
    n = 200
    y = rng.integers(0, 2, size=n)
    X = rng.normal(size=(n, 2)) + np.where(y[:, None] == 1, [1.5, 1.0], [-1.0, -0.5])
    w, b = lm.fit_logistic(X, y.astype(float), lr=0.5, num_epochs=2000)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.3))
    g0, g1 = np.meshgrid(np.linspace(-4.5, 5, 250), np.linspace(-4, 4.5, 250))
    grid = np.column_stack([g0.ravel(), g1.ravel()])  # (n_points, 2)
    prob = lm.sigmoid(grid @ w + b).reshape(g0.shape)
    im = axes[0].contourf(g0, g1, prob, levels=20, cmap="RdBu_r", alpha=0.6)
    axes[0].contour(g0, g1, prob, levels=[0.5], colors="k")
    for k in (0, 1):
        axes[0].scatter(*X[y == k].T, s=14, color=COLORS[k], edgecolor="k", lw=0.3,
                        label=f"class {k}")
    axes[0].set(title="Logistic regression: $P(y = 1)$, boundary at 0.5", xlabel="$x_1$",
                ylabel="$x_2$")
    axes[0].legend(fontsize=8)
    fig.colorbar(im, ax=axes[0], label="P(class 1)")

    from sklearn.datasets import load_iris

    iris = load_iris()
    X3 = standardize(iris.data[:, 2:4])[0]  # petal length and width, standardised
    model = LogisticRegression(C=1.0).fit(X3, iris.target)
    g0, g1 = np.meshgrid(np.linspace(-2, 2.2, 250), np.linspace(-1.8, 2.2, 250))
    grid = np.column_stack([g0.ravel(), g1.ravel()])
    region = model.predict(grid).reshape(g0.shape)
    axes[1].contourf(g0, g1, region, levels=[-0.5, 0.5, 1.5, 2.5],
                     cmap=ListedColormap(COLORS), alpha=0.25)
    for k, name in enumerate(iris.target_names):
        axes[1].scatter(*X3[iris.target == k].T, s=14, color=COLORS[k], edgecolor="k", lw=0.3,
                        label=name)
    axes[1].set(title="Softmax regression on iris: three regions",
                xlabel="petal length (standardised)", ylabel="petal width (standardised)")
    axes[1].legend(fontsize=8)
    paths.append(_save(fig, out_dir, "decision_boundary.png"))
    return paths
