"""groundup.probability against scipy.stats and NumPy."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from groundup import probability as prob

RNG = np.random.default_rng(0)


@pytest.mark.parametrize("n", [1, 2, 17, 500])
def test_mean_variance_quantile_match_numpy(n):
    x = RNG.normal(3.0, 2.0, size=n)
    assert_allclose(prob.mean(x), np.mean(x), rtol=1e-12)
    assert_allclose(prob.variance(x), np.var(x), rtol=1e-12, atol=1e-15)
    if n > 1:
        assert_allclose(prob.variance(x, ddof=1), np.var(x, ddof=1), rtol=1e-12)
    q = np.array([0.0, 0.1, 0.25, 0.5, 0.9, 1.0])
    assert_allclose(prob.quantile(x, q), np.quantile(x, q), rtol=1e-12)
    assert isinstance(prob.quantile(x, 0.3), float)


def test_variance_is_stable_for_a_large_mean():
    x = 1e9 + RNG.normal(size=1000)
    assert_allclose(prob.variance(x), np.var(x), rtol=1e-9)


@pytest.mark.parametrize(("fn", "args"), [(prob.mean, ([],)), (prob.variance, ([1.0], 1)),
                                          (prob.quantile, ([1.0], 1.1)), (prob.quantile, ([], 0.5)),
                                          (prob.mean, (np.ones((2, 2)),))])
def test_descriptive_invalid(fn, args):
    with pytest.raises(ValueError):
        fn(*args)


@pytest.mark.parametrize("p", [0.0, 0.13, 0.5, 0.97, 1.0])
def test_discrete_pmfs_match_scipy(p):
    k = np.arange(0, 25)
    assert_allclose(prob.bernoulli_pmf(np.array([0, 1, 2]), p), stats.bernoulli.pmf([0, 1, 2], p),
                    atol=1e-15)
    for n in (0, 1, 10, 20):
        assert_allclose(prob.binomial_pmf(k, n, p), stats.binom.pmf(k, n, p), rtol=1e-10,
                        atol=1e-15)
    assert_allclose(prob.binomial_pmf(np.arange(0, 1001, 50), 1000, p),
                    stats.binom.pmf(np.arange(0, 1001, 50), 1000, p), rtol=1e-8, atol=1e-300)
    assert_allclose(prob.poisson_pmf(k, 25 * p), stats.poisson.pmf(k, 25 * p), rtol=1e-10,
                    atol=1e-15)


def test_pmf_scalar_in_float_out():
    assert isinstance(prob.binomial_pmf(3, 10, 0.2), float)
    assert isinstance(prob.poisson_pmf(3, 1.0), float)
    assert prob.poisson_pmf(np.arange(4).reshape(2, 2), 1.0).shape == (2, 2)


@pytest.mark.parametrize(("fn", "args"), [
    (prob.bernoulli_pmf, (1, 1.5)), (prob.bernoulli_pmf, (-1, 0.5)), (prob.binomial_pmf, (1.5, 3, 0.5)),
    (prob.binomial_pmf, (1, -3, 0.5)), (prob.binomial_pmf, (1, 3, np.nan)), (prob.poisson_pmf, (1, -1.0)),
    (prob.poisson_pmf, (0.5, 1.0)), (prob.uniform_pdf, (0.5, 1.0, 1.0)), (prob.uniform_cdf, (0.5, 2, 1)),
    (prob.normal_pdf, (0.0, 0.0, 0.0)), (prob.normal_cdf, (0.0, 0.0, -1.0)),
])
def test_distribution_invalid_parameters(fn, args):
    with pytest.raises(ValueError):
        fn(*args)


def test_continuous_match_scipy():
    x = np.linspace(-8, 8, 161)
    for a, b in ((0.0, 1.0), (-2.0, 3.5)):
        assert_allclose(prob.uniform_pdf(x, a, b), stats.uniform.pdf(x, a, b - a))
        assert_allclose(prob.uniform_cdf(x, a, b), stats.uniform.cdf(x, a, b - a))
    for mu, sigma in ((0.0, 1.0), (1.5, 0.3), (-2.0, 4.0)):
        assert_allclose(prob.normal_pdf(x, mu, sigma), stats.norm.pdf(x, mu, sigma), rtol=1e-12,
                        atol=1e-300)
        assert_allclose(prob.normal_cdf(x, mu, sigma), stats.norm.cdf(x, mu, sigma), rtol=1e-10,
                        atol=1e-300)
    tail = np.array([-10.0, -20.0, -35.0])
    assert_allclose(prob.normal_cdf(tail), stats.norm.cdf(tail), rtol=1e-10)


@pytest.mark.parametrize("d", [1, 3, 10, 200])
def test_mvn_logpdf_matches_scipy(d):
    A = RNG.normal(size=(d, d))
    cov = 0.01 * (A @ A.T / d + 0.5 * np.eye(d))
    mean = RNG.normal(size=d)
    X = mean + 0.1 * RNG.normal(size=(4, d))
    assert_allclose(prob.multivariate_normal_logpdf(X, mean, cov),
                    stats.multivariate_normal.logpdf(X, mean, cov), rtol=1e-9)
    assert_allclose(prob.multivariate_normal_logpdf(X[0], mean, cov),
                    stats.multivariate_normal.logpdf(X[0], mean, cov), rtol=1e-9)


def test_mvn_logpdf_invalid():
    with pytest.raises(ValueError):
        prob.multivariate_normal_logpdf(np.zeros(2), np.zeros(2), np.array([[1.0, 2.0], [2.0, 1.0]]))
    with pytest.raises(ValueError):
        prob.multivariate_normal_logpdf(np.zeros(3), np.zeros(2), np.eye(2))


def test_samplers_pass_ks_and_are_reproducible():
    x = prob.sample_exponential(50_000, 2.0, np.random.default_rng(1))
    assert stats.kstest(x, stats.expon(scale=0.5).cdf).pvalue > 1e-4
    z = prob.box_muller(50_001, np.random.default_rng(2))
    assert z.shape == (50_001,)
    assert stats.kstest(z, stats.norm.cdf).pvalue > 1e-4
    assert abs(z.var() - 1) < 0.03
    assert_allclose(prob.box_muller(10, np.random.default_rng(3)),
                    prob.box_muller(10, np.random.default_rng(3)))
    with pytest.raises(ValueError):
        prob.sample_exponential(10, 0.0, 0)
    with pytest.raises(ValueError):
        prob.box_muller(-1, 0)


def test_a_wrong_sampler_fails_the_ks_test():
    """The statistical test used by the checks rejects Box–Muller without its factor 2."""
    rng = np.random.default_rng(4)
    u1, u2 = 1 - rng.random(10_000), rng.random(10_000)
    wrong = np.sqrt(-np.log(u1)) * np.cos(2 * np.pi * u2)
    assert stats.kstest(wrong, stats.norm.cdf).pvalue < 1e-10


def test_mle_matches_scipy_fit():
    x = RNG.normal(-1.0, 3.0, size=200)
    mu, sigma = stats.norm.fit(x)
    assert_allclose(prob.mle_normal(x), (mu, sigma**2), rtol=1e-10)
    coin = (RNG.random(100) < 0.3).astype(float)
    assert_allclose(prob.mle_bernoulli(coin), coin.mean())
    with pytest.raises(ValueError):
        prob.mle_bernoulli([0, 2])
