"""Figures for the derivative, gradient and gradient-descent lessons (matplotlib, Agg)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend is chosen first
import numpy as np  # noqa: E402

from groundup.calculus import central_difference, forward_difference, gradient  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402
from groundup.gradient_descent import gradient_descent as descend  # noqa: E402
from groundup.gradient_descent import momentum, mse_loss_and_grad  # noqa: E402


def _save(fig: Any, out_dir: Path, name: str) -> Path:
    return save(fig, out_dir, name, layout="bbox")

# ---------------------------------------------------------------------------------------------
# calculus.derivatives

def derivatives(out_dir: Path) -> list[Path]:
    """tangent.png (secants closing in on the tangent), step_size.png (error against h)."""
    out_dir = Path(out_dir)

    def f(t: float) -> float:
        return float(np.sin(t) + 0.3 * t)

    def df(t: float) -> float:
        return float(np.cos(t) + 0.3)

    x0 = 1.0
    t = np.linspace(-0.5, 3.5, 300)
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    ax.plot(t, np.sin(t) + 0.3 * t, color="black", lw=2, label="f(x) = sin(x) + 0.3x")
    for h, color in ((1.5, "#fdae61"), (0.8, "#f46d43"), (0.3, "#d73027")):
        slope = forward_difference(f, x0, h)
        ax.plot(t, f(x0) + slope * (t - x0), color=color, lw=1.2,
                label=f"secant, h = {h}: slope {slope:.3f}")
        ax.plot([x0 + h], [f(x0 + h)], "o", color=color)
    ax.plot(t, f(x0) + df(x0) * (t - x0), "--", color="#2166ac", lw=2,
            label=f"tangent: slope f'(1) = {df(x0):.3f}")
    ax.plot([x0], [f(x0)], "ko")
    ax.set_ylim(-0.5, 2.5)
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")
    ax.set_title("As h shrinks, the secant through x and x + h becomes the tangent")
    ax.legend(fontsize=8, loc="lower right")
    paths = [_save(fig, out_dir, "tangent.png")]

    steps = np.logspace(-15, 0, 61)
    fwd = [abs(forward_difference(np.exp, 1.0, h) - np.e) for h in steps]
    cen = [abs(central_difference(np.exp, 1.0, h) - np.e) for h in steps]
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    ax.loglog(steps, np.maximum(fwd, 1e-17), "o-", ms=3, label="forward difference")
    ax.loglog(steps, np.maximum(cen, 1e-17), "s-", ms=3, label="central difference")
    ax.loglog(steps, np.e / 2 * steps, ":", color="gray", label="slope 1: error ~ h")
    ax.loglog(steps, np.e / 6 * steps**2, "--", color="gray", label="slope 2: error ~ h²")
    ax.loglog(steps, 1.1e-16 * np.e / steps, "-.", color="#b2182b",
              label="round-off ~ ε·f / h")
    ax.axvline(1e-8, color="#1b7837", lw=0.8)
    ax.axvline(6e-6, color="#762a83", lw=0.8)
    ax.text(1.2e-8, 3e-1, "best forward\nh ≈ 1e-8", fontsize=8, color="#1b7837")
    ax.text(7e-6, 3e-3, "best central\nh ≈ 1e-5", fontsize=8, color="#762a83")
    ax.text(1e-13, 1e-9, "round-off wins\n(h too small)", fontsize=8)
    ax.text(1e-3, 1e-14, "truncation wins\n(h too large)", fontsize=8)
    ax.set_ylim(1e-15, 10)
    ax.set_xlabel("step h")
    ax.set_ylabel("|estimate − e|")
    ax.set_title("Error of the slope of exp at x = 1, against the step h")
    ax.legend(fontsize=8, loc="lower left")
    paths.append(_save(fig, out_dir, "step_size.png"))
    return paths


# ---------------------------------------------------------------------------------------------
# calculus.gradients

def _hill(v: np.ndarray) -> float:
    """Two bumps and a dip: a landscape whose gradient turns."""
    x, y = v[0], v[1]
    return float(np.exp(-((x - 1) ** 2 + y**2)) + 0.8 * np.exp(-((x + 1) ** 2 + (y - 1) ** 2))
                 - 0.6 * np.exp(-((x + 0.5) ** 2 + (y + 1.2) ** 2) / 0.5))


def gradients(out_dir: Path) -> list[Path]:
    """gradient_field.png: gradient arrows over the contour lines of a landscape."""
    out_dir = Path(out_dir)
    xs = np.linspace(-2.5, 2.5, 200)
    X, Y = np.meshgrid(xs, xs)
    Z = np.vectorize(lambda a, b: _hill(np.array([a, b])))(X, Y)
    fig, ax = plt.subplots(figsize=(6.2, 5.4))
    ax.contourf(X, Y, Z, levels=20, cmap="RdBu_r", alpha=0.55)
    ax.contour(X, Y, Z, levels=20, colors="k", linewidths=0.5)
    grid = np.linspace(-2.25, 2.25, 16)
    GX, GY = np.meshgrid(grid, grid)
    G = np.array([gradient(_hill, np.array([a, b])) for a, b in zip(GX.ravel(), GY.ravel(),
                                                                      strict=True)])
    ax.quiver(GX.ravel(), GY.ravel(), G[:, 0], G[:, 1], color="#222222", scale=12, width=0.004)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("The gradient points uphill, across the contour lines")
    return [_save(fig, out_dir, "gradient_field.png")]


# ---------------------------------------------------------------------------------------------
# optim.gradient-descent

def _rosenbrock(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def _rosenbrock_grad(v: np.ndarray) -> np.ndarray:
    return np.array([-2 * (1 - v[0]) - 400 * v[0] * (v[1] - v[0] ** 2), 200 * (v[1] - v[0] ** 2)])


def gradient_descent(out_dir: Path) -> list[Path]:
    """descent_paths.png, learning_rates.png, fit_line_loss.png."""
    out_dir = Path(out_dir)
    paths = []

    # 1. Paths on a long, narrow bowl and in the Rosenbrock valley: plain vs momentum.
    A = np.diag([1.0, 10.0])

    def bowl_grad(v: np.ndarray) -> np.ndarray:
        return A @ v

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.6))
    ax = axes[0]
    xs, ys = np.linspace(-5.5, 5.5, 200), np.linspace(-2.5, 2.5, 200)
    X, Y = np.meshgrid(xs, ys)
    ax.contour(X, Y, 0.5 * (X**2 + 10 * Y**2), levels=np.geomspace(0.05, 40, 14),
               colors="gray", linewidths=0.6)
    x0 = np.array([-5.0, 2.0])
    plain = descend(bowl_grad, x0, lr=0.18, num_iters=30)
    heavy = momentum(bowl_grad, x0, lr=0.05, beta=0.7, num_iters=30)
    ax.plot(plain[:, 0], plain[:, 1], "o-", ms=3, color="#d73027", label="plain, lr = 0.18")
    ax.plot(heavy[:, 0], heavy[:, 1], "s-", ms=3, color="#2166ac",
            label="momentum, lr = 0.05, β = 0.7")
    ax.plot([0], [0], "k*", ms=12)
    ax.set_title("A narrow bowl, 30 steps each: plain zig-zags")
    ax.legend(fontsize=8, loc="lower right")
    ax.set_aspect("equal")

    ax = axes[1]
    xs, ys = np.linspace(-1.6, 1.6, 300), np.linspace(-0.6, 1.8, 300)
    X, Y = np.meshgrid(xs, ys)
    ax.contour(X, Y, _rosenbrock(X, Y), levels=np.geomspace(0.05, 500, 16), colors="gray",
               linewidths=0.6)
    start = np.array([-1.2, 1.0])
    plain = descend(_rosenbrock_grad, start, lr=1.5e-3, num_iters=1000)
    heavy = momentum(_rosenbrock_grad, start, lr=1e-3, beta=0.9, num_iters=1000)
    ax.plot(plain[:, 0], plain[:, 1], "-", color="#d73027", lw=1.5,
            label=f"plain, lr = 1.5e-3: ends at ({plain[-1, 0]:.2f}, {plain[-1, 1]:.2f})")
    ax.plot(heavy[:, 0], heavy[:, 1], "-", color="#2166ac", lw=1.5,
            label=f"momentum, lr = 1e-3, β = 0.9: ends at ({heavy[-1, 0]:.2f}, {heavy[-1, 1]:.2f})")
    ax.plot(*start, "ko", ms=5)
    ax.plot([1], [1], "k*", ms=12)
    ax.set_title("The Rosenbrock valley, 1000 steps each (minimum at ★)")
    ax.legend(fontsize=8, loc="lower right")
    paths.append(_save(fig, out_dir, "descent_paths.png"))

    # 2. The learning rate: too small, good, on the edge, too large (the bowl's curvatures 1, 10).
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    x0 = np.array([-5.0, 2.0])
    for lr, color in ((0.02, "#fdae61"), (0.15, "#1a9850"), (0.195, "#4575b4"), (0.21, "#d73027")):
        path = descend(bowl_grad, x0, lr=lr, num_iters=40)
        losses = 0.5 * (path[:, 0] ** 2 + 10 * path[:, 1] ** 2)
        axes[0].semilogy(losses, "o-", ms=2.5, color=color, label=f"lr = {lr}")
        if lr in (0.15, 0.21):
            axes[1].plot(path[:12, 0], path[:12, 1], "o-", ms=3, color=color, label=f"lr = {lr}")
    axes[0].axhline(0.5 * (25 + 40), color="gray", lw=0.6, label="f(x_0), the start")
    axes[0].set_xlabel("step k")
    axes[0].set_ylabel("f(x_k)  (log scale)")
    axes[0].set_title("lr > 2 / (largest curvature) = 0.2 diverges")
    axes[0].legend(fontsize=8)
    X, Y = np.meshgrid(np.linspace(-6, 6, 200), np.linspace(-4, 4, 200))
    axes[1].contour(X, Y, 0.5 * (X**2 + 10 * Y**2), levels=np.geomspace(0.05, 80, 14),
                    colors="gray", linewidths=0.6)
    axes[1].set_title("First 11 steps: overshooting across the valley")
    axes[1].legend(fontsize=8)
    axes[1].set_aspect("equal")
    paths.append(_save(fig, out_dir, "learning_rates.png"))

    # 3. Fitting a line: the loss per epoch, full batch against mini-batches.
    rng = np.random.default_rng(0)
    x = rng.uniform(-2, 2, size=200)
    y = 2.0 * x - 1.0 + 0.5 * rng.normal(size=200)
    histories = {}
    for label, batch_size in (("full batch (1 step per epoch)", 200),
                              ("mini-batches of 16 (13 steps per epoch)", 16)):
        w = b = 0.0
        history = [mse_loss_and_grad(w, b, x, y)[0]]
        for _ in range(60):
            order = rng.permutation(200)
            for start_i in range(0, 200, batch_size):
                idx = order[start_i:start_i + batch_size]
                _, dw, db = mse_loss_and_grad(w, b, x[idx], y[idx])
                w, b = w - 0.05 * dw, b - 0.05 * db
            history.append(mse_loss_and_grad(w, b, x, y)[0])
        histories[label] = (history, w, b)
    w_ls, b_ls = np.polyfit(x, y, 1)
    best = mse_loss_and_grad(w_ls, b_ls, x, y)[0]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    axes[0].scatter(x, y, s=8, color="gray", alpha=0.6, label="data")
    grid = np.linspace(-2, 2, 2)
    for (label, (_, w, b)), color in zip(histories.items(), ("#d73027", "#2166ac"), strict=True):
        axes[0].plot(grid, w * grid + b, color=color, lw=2,
                     label=f"{label.split(' (')[0]}, 60 epochs: w = {w:.2f}, b = {b:.2f}")
    axes[0].plot(grid, w_ls * grid + b_ls, "k--", lw=1,
                 label=f"least squares: w = {w_ls:.2f}, b = {b_ls:.2f}")
    axes[0].legend(fontsize=8)
    axes[0].set_xlabel("x")
    axes[0].set_ylabel("y")
    axes[0].set_title("Learning y ≈ w x + b")
    for (label, (history, _, _)), color in zip(histories.items(), ("#d73027", "#2166ac"),
                                               strict=True):
        axes[1].plot(history, "o-", ms=2.5, color=color, label=label)
    axes[1].axhline(best, color="black", ls="--", lw=1, label=f"least-squares loss {best:.3f}")
    axes[1].set_xlabel("epoch")
    axes[1].set_ylabel("mean squared error on all the data")
    axes[1].set_title("The loss curve: each epoch the line gets less wrong")
    axes[1].legend(fontsize=8)
    paths.append(_save(fig, out_dir, "fit_line_loss.png"))
    return paths
