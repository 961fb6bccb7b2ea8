"""Figures for the probability and Bayesian lessons (matplotlib, Agg backend, seeded)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

from groundup import bayes, probability  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402

_save = save  # figures are written by the shared helper (tight layout)

def distributions(out_dir: Path) -> list[Path]:
    """PMFs of the binomial and Poisson, Normal PDFs, and the CDFs that go with them."""
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    k = np.arange(0, 21)
    width = 0.4
    axes[0].bar(k - width / 2, probability.binomial_pmf(k, 20, 0.3), width,
                label="Binomial(n = 20, p = 0.3)")
    axes[0].bar(k + width / 2, probability.poisson_pmf(k, 6.0), width,
                label="Poisson(lam = 6)")
    axes[0].set(title="PMF: probability of each count", xlabel="k", ylabel="P(K = k)")
    axes[0].legend(fontsize=8)

    x = np.linspace(-6, 6, 400)
    for mu, sigma in ((0, 1), (0, 2), (2, 0.5)):
        axes[1].plot(x, probability.normal_pdf(x, mu, sigma), label=f"N({mu}, {sigma}²)")
    axes[1].plot(x, probability.uniform_pdf(x, -3, 1), label="Uniform(-3, 1)", ls="--")
    axes[1].set(title="PDF: density (area = probability)", xlabel="x", ylabel="f(x)")
    axes[1].legend(fontsize=8)

    for mu, sigma in ((0, 1), (0, 2), (2, 0.5)):
        axes[2].plot(x, probability.normal_cdf(x, mu, sigma), label=f"N({mu}, {sigma}²)")
    axes[2].plot(x, probability.uniform_cdf(x, -3, 1), label="Uniform(-3, 1)", ls="--")
    axes[2].step(k / 2, np.cumsum(probability.binomial_pmf(k, 20, 0.3)), where="post",
                 color="gray", alpha=0.6, label="Binomial CDF (x = k / 2)")
    axes[2].set(title="CDF: P(X ≤ x), from 0 up to 1", xlabel="x", ylabel="F(x)")
    axes[2].legend(fontsize=8)
    return [_save(fig, out_dir, "distributions.png")]


def sampling(out_dir: Path) -> list[Path]:
    """Inverse-transform and Box–Muller samples; the law of large numbers and the CLT."""
    rng = np.random.default_rng(0)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    lam = 1.5
    x = probability.sample_exponential(20_000, lam, rng)
    grid = np.linspace(0, 4, 200)
    axes[0].hist(x, bins=80, range=(0, 4), density=True, alpha=0.5,
                 label="-log(1 - U) / λ, 20 000 samples")
    axes[0].plot(grid, lam * np.exp(-lam * grid), "k", label="Exponential(λ = 1.5) density")
    axes[0].set(title="Inverse transform sampling", xlabel="x")
    axes[0].legend(fontsize=8)
    z = probability.box_muller(20_000, rng)
    grid = np.linspace(-4, 4, 200)
    axes[1].hist(z, bins=80, range=(-4, 4), density=True, alpha=0.5,
                 label="Box–Muller, 20 000 samples")
    axes[1].plot(grid, probability.normal_pdf(grid), "k", label="N(0, 1) density")
    axes[1].set(title="Box–Muller: Normal from two uniforms", xlabel="z")
    axes[1].legend(fontsize=8)
    first = _save(fig, out_dir, "samplers.png")

    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    n = np.arange(1, 5001)
    for seed in range(5):
        flips = np.random.default_rng(seed).random(5000) < 0.3
        axes[0].plot(n, np.cumsum(flips) / n, lw=1)
    axes[0].axhline(0.3, color="k", ls="--", label="p = 0.3")
    axes[0].set(xscale="log", title="Law of large numbers: running mean of coin flips",
                xlabel="number of flips n", ylabel="fraction of heads", ylim=(0, 1))
    axes[0].legend(fontsize=8)
    grid = np.linspace(-4, 4, 200)
    for m, colour in ((1, "C0"), (5, "C1"), (50, "C2")):
        samples = rng.exponential(1.0, size=(20_000, m))  # 20 000 experiments of m draws
        means = samples.mean(axis=1)
        standardised = (means - 1.0) / np.sqrt(1.0 / m)  # Exponential(1): mean 1, var 1
        axes[1].hist(standardised, bins=80, range=(-4, 4), density=True, histtype="step",
                     lw=1.5, color=colour, label=f"mean of {m} Exponential(1) draw(s)")
    axes[1].plot(grid, probability.normal_pdf(grid), "k--", label="N(0, 1)")
    axes[1].set(title="Central limit theorem: standardised means", xlabel="z")
    axes[1].legend(fontsize=8)
    return [first, _save(fig, out_dir, "lln_clt.png")]


def mle(out_dir: Path) -> list[Path]:
    """Likelihood and log-likelihood of a coin's p after 7 heads in 10 flips; a Normal's mu."""
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.6))
    p = np.linspace(0.001, 0.999, 500)
    heads, n = 7, 10
    likelihood = p**heads * (1 - p) ** (n - heads)
    axes[0].plot(p, likelihood)
    axes[0].axvline(heads / n, color="k", ls="--", label="p̂ = 7/10")
    axes[0].set(title="Likelihood L(p): 7 heads in 10 flips", xlabel="p", ylabel="L(p)")
    axes[0].legend(fontsize=8)
    axes[1].plot(p, heads * np.log(p) + (n - heads) * np.log(1 - p))
    axes[1].axvline(heads / n, color="k", ls="--", label="same maximum")
    axes[1].set(title="Log-likelihood ℓ(p)", xlabel="p", ylabel="ℓ(p)", ylim=(-30, 0))
    axes[1].legend(fontsize=8)

    data = np.random.default_rng(1).normal(2.0, 1.0, size=20)
    mus = np.linspace(0, 4, 300)
    loglik = np.array([probability.normal_pdf(data, m, 1.0) for m in mus])
    axes[2].plot(mus, np.log(loglik).sum(axis=1))
    mu_hat, _ = probability.mle_normal(data)
    axes[2].axvline(mu_hat, color="k", ls="--", label=f"μ̂ = sample mean = {mu_hat:.2f}")
    axes[2].plot(data, np.full(data.size, -95), "|", color="C3", ms=12, label="the 20 data")
    axes[2].set(title="Normal log-likelihood of μ (σ = 1)", xlabel="μ", ylabel="ℓ(μ)",
                ylim=(-100, -20))
    axes[2].legend(fontsize=8, loc="lower right")
    return [_save(fig, out_dir, "likelihood.png")]


def bayes_theorem(out_dir: Path) -> list[Path]:
    """10 000 people through a test; and P(disease | +) as a function of the base rate."""
    prior, sensitivity, fpr = 0.01, 0.9, 0.05
    people = 10_000
    ill = people * prior
    healthy = people - ill
    counts = {"ill, positive": ill * sensitivity, "ill, negative": ill * (1 - sensitivity),
              "healthy, positive": healthy * fpr, "healthy, negative": healthy * (1 - fpr)}
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    colours = ["C3", "C1", "C0", "C2"]
    bars = axes[0].bar(list(counts), list(counts.values()), color=colours)
    axes[0].bar_label(bars, fmt="%.0f")
    axes[0].set(yscale="log", ylabel="people (log scale)", ylim=(5, 1e5),
                title="10 000 people, 1% ill; test: 90% sensitive, 5% false positives")
    axes[0].tick_params(axis="x", labelsize=8)
    post = bayes.bayes_posterior(prior, sensitivity, fpr)
    axes[0].text(0.5, 0.93, f"P(ill | +) = 90 / (90 + 495) = {post:.1%}",
                 transform=axes[0].transAxes, ha="center", fontsize=10,
                 bbox={"facecolor": "white", "edgecolor": "gray"})

    priors = np.logspace(-4, 0, 200)[:-1]
    for f, colour in ((0.05, "C0"), (0.01, "C1"), (0.001, "C2")):
        axes[1].plot(priors, [bayes.bayes_posterior(q, sensitivity, f) for q in priors],
                     color=colour, label=f"false-positive rate {f:g}")
    axes[1].plot(priors, priors, "k:", label="prior (no test)")
    axes[1].axvline(prior, color="gray", ls="--", lw=0.8)
    axes[1].set(xscale="log", xlabel="base rate P(ill)", ylabel="P(ill | positive)",
                title="The posterior depends on the base rate")
    axes[1].legend(fontsize=8)
    return [_save(fig, out_dir, "medical_test.png")]


def bayes_updating(out_dir: Path) -> list[Path]:
    """Posteriors after 0, 1, 5, 20 and 100 observations: Beta–Binomial and Normal–Normal."""
    rng = np.random.default_rng(2)
    steps = (0, 1, 5, 20, 100)
    flips = rng.random(100) < 0.7  # a coin with true p = 0.7
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    theta = np.linspace(0.0005, 0.9995, 1000)
    for i, n in enumerate(steps):
        heads = int(flips[:n].sum())
        a, b = bayes.beta_binomial_update(2, 2, heads, n - heads)
        log_pdf = ((a - 1) * np.log(theta) + (b - 1) * np.log(1 - theta))
        pdf = np.exp(log_pdf - log_pdf.max())
        pdf /= pdf.sum() * (theta[1] - theta[0])
        lo, hi = bayes.beta_credible_interval(a, b)
        axes[0].plot(theta, pdf, color=plt.cm.viridis(i / 4),
                     label=f"n = {n:3d} ({heads} heads): 95% [{lo:.2f}, {hi:.2f}]")
    axes[0].axvline(0.7, color="k", ls="--", lw=0.8)
    axes[0].set(title="Beta–Binomial: prior Beta(2, 2), true p = 0.7",
                xlabel="θ (probability of heads)", ylabel="posterior density")
    axes[0].legend(fontsize=8)

    data = rng.normal(3.0, 2.0, size=100)  # true mean 3, known noise sd 2
    mu_grid = np.linspace(-6, 8, 1000)
    for i, n in enumerate(steps):
        m, s = bayes.normal_normal_update(0.0, 3.0, 2.0, data[:n])
        axes[1].plot(mu_grid, probability.normal_pdf(mu_grid, m, s),
                     color=plt.cm.viridis(i / 4), label=f"n = {n:3d}: mean {m:.2f}, sd {s:.2f}")
    axes[1].axvline(3.0, color="k", ls="--", lw=0.8)
    axes[1].set(title="Normal–Normal: prior N(0, 3²), noise sd 2, true μ = 3",
                xlabel="μ", ylabel="posterior density")
    axes[1].legend(fontsize=8)
    return [_save(fig, out_dir, "updating.png")]
