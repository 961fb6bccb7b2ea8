"""groundup.bayes against scipy.stats and direct computation."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import integrate, stats

from groundup import bayes


def test_medical_test_by_counting():
    # 10 000 people, 100 ill: 90 true positives, 495 false positives.
    assert_allclose(bayes.bayes_posterior(0.01, 0.9, 0.05), 90 / (90 + 495), rtol=1e-12)
    assert bayes.bayes_posterior(0.0, 0.9, 0.05) == 0.0
    assert bayes.bayes_posterior(0.3, 0.9, 0.0) == 1.0
    for args in ((1.2, 0.9, 0.05), (0.1, -0.1, 0.0), (0.0, 0.9, 0.0)):
        with pytest.raises(ValueError):
            bayes.bayes_posterior(*args)


@pytest.mark.parametrize(("a", "b", "s", "f"), [(1, 1, 7, 3), (2, 5, 0, 0), (0.5, 0.5, 30, 70)])
def test_beta_binomial_matches_numerical_posterior(a, b, s, f):
    a2, b2 = bayes.beta_binomial_update(a, b, s, f)

    def unnormalised(t):
        return stats.beta.pdf(t, a, b) * stats.binom.pmf(s, s + f, t)

    evidence = integrate.quad(unnormalised, 0, 1, points=[s / max(s + f, 1)])[0]
    mean = integrate.quad(lambda t: t * unnormalised(t), 0, 1)[0] / evidence
    assert_allclose(bayes.beta_posterior_mean(a2, b2), mean, rtol=1e-7)
    assert_allclose(bayes.beta_posterior_mean(a2, b2), stats.beta.mean(a2, b2), rtol=1e-12)


@pytest.mark.parametrize("args", [(0, 1, 1, 1), (1, 1, -1, 0), (1, 1, 0.5, 0)])
def test_beta_binomial_invalid(args):
    with pytest.raises(ValueError):
        bayes.beta_binomial_update(*args)


@pytest.mark.parametrize(("a", "b", "level"), [(8, 4, 0.95), (1, 1, 0.95), (0.5, 0.5, 0.9),
                                               (301, 701, 0.99), (0.7, 30, 0.5)])
def test_credible_interval_matches_scipy(a, b, level):
    assert_allclose(bayes.beta_credible_interval(a, b, level), stats.beta.interval(level, a, b),
                    atol=1e-10)


def test_credible_interval_invalid():
    for args in ((0, 1), (1, 1, 1.0), (1, 1, 0.0)):
        with pytest.raises(ValueError):
            bayes.beta_credible_interval(*args)


def test_normal_normal_matches_sequential_updates_and_grid():
    rng = np.random.default_rng(0)
    data = rng.normal(3.0, 2.0, size=50)
    mu, tau = bayes.normal_normal_update(0.0, 3.0, 2.0, data)
    grid = np.linspace(-5, 10, 200_001)
    log_post = stats.norm.logpdf(grid, 0.0, 3.0) + stats.norm.logpdf(
        data[:, None], grid, 2.0).sum(axis=0)
    w = np.exp(log_post - log_post.max())
    w /= w.sum()
    grid_mean = (grid * w).sum()
    assert_allclose(mu, grid_mean, rtol=1e-8)
    assert_allclose(tau, np.sqrt(((grid - grid_mean) ** 2 * w).sum()), rtol=1e-6)
    # One observation at a time (posterior becomes prior) gives the same answer.
    m, t = 0.0, 3.0
    for x in data:
        m, t = bayes.normal_normal_update(m, t, 2.0, [x])
    assert_allclose((m, t), (mu, tau), rtol=1e-10)
    assert bayes.normal_normal_update(1.0, 2.0, 3.0, []) == (1.0, 2.0)
    with pytest.raises(ValueError):
        bayes.normal_normal_update(0.0, 0.0, 1.0, [1.0])
