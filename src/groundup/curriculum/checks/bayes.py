"""Checks for the Bayesian exercises.

The references are independent of the closed-form answers the learner writes: exact
fractions over a population for the medical test, the posterior computed numerically on a grid
(prior times likelihood, normalised) for the Beta–Binomial update, ``scipy.stats.beta`` for
means and credible intervals, and one-observation-at-a-time updates for the Normal–Normal
model.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from scipy import stats

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies


def _natural_frequencies(prior: float, sensitivity: float, false_positive_rate: float) -> float:
    """P(D | +) counted exactly: of everyone who tests positive, the fraction who are ill."""
    ill = Fraction(prior)
    healthy = 1 - ill
    ill_and_positive = ill * Fraction(sensitivity)
    healthy_and_positive = healthy * Fraction(false_positive_rate)
    return float(ill_and_positive / (ill_and_positive + healthy_and_positive))


def medical_test() -> list[Check]:
    rng = np.random.default_rng(30)
    ref = close_to(_natural_frequencies, rtol=1e-9)
    return [
        Check("a rare disease and a good test", [Case(0.01, 0.9, 0.05), Case(0.001, 0.99, 0.01)],
              expect=ref,
              hint="P(D | +) = P(+ | D) P(D) / P(+), and P(+) sums over the ill and the healthy."),
        Check("a common disease", [Case(0.5, 0.8, 0.2), Case(0.3, 0.7, 0.1)], expect=ref,
              hint="P(+) = sensitivity * prior + false_positive_rate * (1 - prior)."),
        Check("certain cases",
              [Case(0.0, 0.9, 0.05), Case(1.0, 0.9, 0.05), Case(0.2, 0.9, 0.0),
               Case(0.2, 0.0, 0.3)],
              expect=ref,
              hint="No false positives means every positive is ill; a prior of 0 stays 0."),
        Check("invalid probabilities",
              [Case(1.2, 0.9, 0.05), Case(0.1, -0.1, 0.05), Case(0.1, 0.9, 1.5)],
              expect=raises(ValueError),
              hint="Every argument is a probability: raise ValueError outside [0, 1]."),
        Check("a positive test is impossible", [Case(0.0, 0.9, 0.0), Case(0.5, 0.0, 0.0)],
              expect=raises(ValueError),
              hint="When P(+) = 0 the posterior is 0 / 0: raise ValueError."),
        Check("random tests",
              [Case(*(float(v) for v in rng.uniform(0.001, 0.999, size=3))) for _ in range(6)],
              expect=close_to(_natural_frequencies, rtol=1e-9, hidden=True), hidden=True,
              hint="The false positives come from the healthy people, a fraction 1 - prior."),
    ]


# --------------------------------------------------------------------------------------------
# Beta–Binomial

_GRID = np.linspace(0.0, 1.0, 400_001)[1:-1]


def _grid_posterior(alpha: float, beta: float, successes: int,
                    failures: int) -> tuple[float, float]:
    """The Beta parameters whose mean and variance match the posterior computed on a grid.

    posterior(theta) is proportional to prior(theta) * likelihood(theta); integrate it
    numerically, take its mean and variance, and solve for the matching Beta parameters.
    """
    log_post = (stats.beta.logpdf(_GRID, alpha, beta)
                + stats.binom.logpmf(successes, successes + failures, _GRID))
    weights = np.exp(log_post - log_post.max())
    weights /= np.trapezoid(weights, _GRID)
    m = np.trapezoid(_GRID * weights, _GRID)
    v = np.trapezoid((_GRID - m) ** 2 * weights, _GRID)
    total = m * (1 - m) / v - 1  # alpha + beta of a Beta with mean m and variance v
    return float(m * total), float((1 - m) * total)


def beta_binomial() -> list[Check]:
    return [
        Check("flat prior, 7 heads and 3 tails", [Case(1, 1, 7, 3)],
              expect=close_to(_grid_posterior, rtol=1e-5),
              function="beta_binomial_update",
              hint="Multiply the prior theta^(a-1)(1-theta)^(b-1) by theta^s (1-theta)^f and "
                   "read off the new exponents."),
        Check("informative priors", [Case(2, 5, 0, 0), Case(10, 10, 3, 12), Case(3.5, 1.5, 40, 2)],
              expect=close_to(_grid_posterior, rtol=1e-5), function="beta_binomial_update",
              hint="Successes add to alpha, failures to beta; no data leaves the prior unchanged."),
        Check("posterior mean", [Case(8, 4), Case(1, 1), Case(0.5, 0.5), Case(30, 970)],
              expect=close_to(lambda a, b: stats.beta.mean(a, b)),
              function="beta_posterior_mean",
              hint="The mean of Beta(alpha, beta) is alpha / (alpha + beta)."),
        Check("invalid update",
              [Case(0, 1, 1, 1), Case(1, -2, 1, 1), Case(1, 1, -1, 0), Case(1, 1, 2, 1.5)],
              expect=raises(ValueError), function="beta_binomial_update",
              hint="alpha and beta must be > 0; counts must be non-negative whole numbers."),
        Check("invalid mean", [Case(0, 1), Case(2, -1)], expect=raises(ValueError),
              function="beta_posterior_mean", hint="alpha and beta must be > 0."),
        Check("many flips", [Case(2, 2, 300, 700), Case(1, 4, 55, 5)],
              expect=close_to(_grid_posterior, rtol=1e-4, hidden=True),
              function="beta_binomial_update", hidden=True,
              hint="Heads go to alpha, tails to beta."),
    ]


def _interval(alpha: float, beta: float, level: float = 0.95) -> tuple[float, float]:
    lo, hi = stats.beta.interval(level, alpha, beta)
    return float(lo), float(hi)


def credible_interval() -> list[Check]:
    return [
        Check("95% interval", [Case(8, 4), Case(2, 2), Case(2, 50)],
              expect=close_to(_interval, atol=1e-8),
              hint="Leave 2.5% in each tail: the 0.025 and 0.975 quantiles of the Beta."),
        Check("flat prior", [Case(1, 1)], expect=close_to(_interval, atol=1e-8),
              hint="Beta(1, 1) is uniform: its 95% interval is [0.025, 0.975]."),
        Check("other levels", [Case(8, 4, level=0.5), Case(8, 4, 0.99), Case(0.5, 0.5, 0.9)],
              expect=close_to(_interval, atol=1e-8),
              hint="Each tail gets (1 - level) / 2."),
        Check("invalid input", [Case(0, 1), Case(1, 1, level=1.0), Case(1, 1, level=0.0),
                                Case(2, -3)],
              expect=raises(ValueError),
              hint="alpha, beta > 0 and 0 < level < 1; raise ValueError otherwise."),
        Check("skewed and narrow posteriors", [Case(301, 701), Case(0.7, 30), Case(55, 2, 0.8)],
              expect=close_to(_interval, atol=1e-8, hidden=True), hidden=True,
              hint="Bisect until the bracket is tiny (1e-12): the CDF is monotone on [0, 1]."),
    ]


# --------------------------------------------------------------------------------------------
# Normal–Normal

def _one_at_a_time(mu0: float, tau0: float, sigma: float, data: Any) -> tuple[float, float]:
    """Update on one observation at a time (the Kalman-filter form): the same posterior."""
    mu, var = float(mu0), float(tau0) ** 2
    for x in np.asarray(data, dtype=float):
        gain = var / (var + sigma**2)  # how much to trust the new observation
        mu += gain * (x - mu)
        var *= 1 - gain
    return mu, float(np.sqrt(var))


def _posterior_close(case: Case, value: Any, hidden: bool = False) -> str | None:
    expected = _one_at_a_time(*case.args)
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return "expected a tuple (posterior mean, posterior standard deviation)"
    for what, exp, rec in (("posterior mean", expected[0], value[0]),
                           ("posterior standard deviation", expected[1], value[1])):
        msg = compare_values(exp, rec, rtol=1e-7, atol=1e-10, hidden=hidden, what=what)
        if msg:
            return msg
    return None


def normal_normal() -> list[Check]:
    rng = np.random.default_rng(31)
    return [
        Check("one observation", [Case(0.0, 1.0, 1.0, [2.0])], expect=satisfies(_posterior_close),
              hint="Equal prior and noise variances: the posterior mean is halfway, the "
                   "variance halves."),
        Check("twenty observations", [Case(5.0, 10.0, 2.0, rng.normal(3.0, 2.0, size=20))],
              expect=satisfies(_posterior_close),
              hint="Precisions add: 1/tau_n^2 = 1/tau0^2 + n/sigma^2."),
        Check("no data", [Case(1.5, 0.3, 2.0, [])], expect=satisfies(_posterior_close),
              hint="With no observations the posterior is the prior."),
        Check("a confident prior",
              [Case(0.0, 0.01, 1.0, rng.normal(4.0, 1.0, size=10))],
              expect=satisfies(_posterior_close),
              hint="The posterior mean weights the prior mean by 1/tau0^2 and the data by "
                   "n/sigma^2."),
        Check("invalid input", [Case(0.0, 0.0, 1.0, [1.0]), Case(0.0, 1.0, -1.0, [1.0])],
              expect=raises(ValueError),
              hint="tau0 and sigma are standard deviations: raise ValueError unless > 0."),
        Check("a thousand observations",
              [Case(-2.0, 3.0, 0.5, rng.normal(1.0, 0.5, size=1000))],
              expect=satisfies(lambda case, value: _posterior_close(case, value, hidden=True)),
              hidden=True, hint="Return the standard deviation tau_n, not the variance."),
    ]
