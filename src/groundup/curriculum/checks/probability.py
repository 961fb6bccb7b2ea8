"""Checks for the probability exercises: the learner's code against ``scipy.stats`` and NumPy.

Samplers cannot be compared value by value (any correct way of using the generator is fine),
so they are checked statistically: a Kolmogorov–Smirnov test against the target distribution
and the sample mean and variance within 5 standard errors, at fixed seeds. A correct sampler
fails the KS test with probability ``KS_THRESHOLD`` per case; a wrong one fails it for sure.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import stats

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

KS_THRESHOLD = 1e-4  # reject a sampler whose KS p-value is below this
N_SAMPLES = 20_000
DRIVER = "groundup.curriculum.checks.probability_drivers:same_seed_twice"


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


# --------------------------------------------------------------------------------------------
# Descriptive statistics

def mean_variance() -> list[Check]:
    rng = _rng(0)
    return [
        Check("mean of small lists", [Case([1, 2, 3, 6]), Case([5.0]), Case([-1.5, 1.5])],
              expect=close_to(np.mean), function="mean",
              hint="Add everything up and divide by how many values there are."),
        Check("mean of random data", [Case(rng.normal(3, 2, size=n)) for n in (2, 17, 500)],
              expect=close_to(np.mean), function="mean",
              hint="Add everything up and divide by how many values there are."),
        Check("variance (ddof = 0)", [Case([1, 2, 3, 6]), Case([4.0]), Case(rng.normal(size=50))],
              expect=close_to(np.var), function="variance",
              hint="Average of the squared distances to the mean: divide by n."),
        Check("sample variance (ddof = 1)",
              [Case([1, 2, 3, 6], ddof=1), Case(rng.normal(size=30), ddof=1)],
              expect=close_to(lambda x, ddof: np.var(x, ddof=ddof)), function="variance",
              hint="With ddof, divide by n - ddof instead of n."),
        Check("empty data", [Case([])], expect=raises(ValueError), function="mean",
              hint="The mean of nothing is undefined: raise ValueError when len(x) == 0."),
        Check("ddof too large", [Case([1.0, 2.0], ddof=2), Case([], ddof=0)],
              expect=raises(ValueError), function="variance",
              hint="n - ddof must be positive: raise ValueError otherwise."),
        Check("large mean, small spread",
              [Case(1e9 + rng.normal(size=1000)), Case(1e8 + rng.uniform(size=200), ddof=1)],
              expect=close_to(lambda x, ddof=0: np.var(x, ddof=ddof), rtol=1e-6, hidden=True),
              function="variance", hidden=True,
              hint="E[x^2] - E[x]^2 cancels catastrophically when the mean is large: subtract "
                   "the mean first, then square."),
    ]


def quantile() -> list[Check]:
    rng = _rng(1)
    data = rng.normal(size=11)
    return [
        Check("median of small lists", [Case([1, 2, 3, 4], 0.5), Case([3, 1, 2], 0.5)],
              expect=close_to(np.quantile),
              hint="Sort first; with h = (n - 1) * q, interpolate between x[floor(h)] and the next."),
        Check("quartiles and extremes",
              [Case(data, q) for q in (0.0, 0.25, 0.75, 0.9, 1.0)],
              expect=close_to(np.quantile),
              hint="q = 0 is the minimum and q = 1 the maximum; in between, interpolate linearly."),
        Check("an array of q", [Case(data, np.array([0.1, 0.5, 0.95]))],
              expect=close_to(np.quantile),
              hint="Compute h for every q at once (NumPy arrays), or loop and build an array."),
        Check("one value", [Case([7.0], 0.3)], expect=close_to(np.quantile),
              hint="With n = 1 every quantile is that value: h = 0."),
        Check("invalid input", [Case([1.0, 2.0], 1.5), Case([1.0, 2.0], -0.1), Case([], 0.5)],
              expect=raises(ValueError),
              hint="Raise ValueError when q is outside [0, 1] or x is empty."),
        Check("random data and q",
              [Case(rng.exponential(size=n), rng.uniform(size=4)) for n in (2, 50, 999)],
              expect=close_to(np.quantile, hidden=True), hidden=True,
              hint="The position is h = (n - 1) * q (not n * q), counted from 0 in sorted data."),
    ]


# --------------------------------------------------------------------------------------------
# Discrete distributions

def discrete_pmfs() -> list[Check]:
    rng = _rng(2)
    ks = np.arange(0, 11)
    return [
        Check("Bernoulli", [Case(0, 0.3), Case(1, 0.3), Case(np.array([0, 1, 1, 0]), 0.8)],
              expect=close_to(stats.bernoulli.pmf), function="bernoulli_pmf",
              hint="P(1) = p and P(0) = 1 - p, i.e. p**k * (1 - p)**(1 - k)."),
        Check("Bernoulli with p = 0 and p = 1",
              [Case(np.array([0, 1]), 0.0), Case(np.array([0, 1]), 1.0)],
              expect=close_to(stats.bernoulli.pmf), function="bernoulli_pmf",
              hint="0 ** 0 is 1 in Python and NumPy; avoid log(0) and 0 * log(0)."),
        Check("binomial", [Case(ks, 10, 0.5), Case(ks, 10, 0.13), Case(3, 5, 0.7)],
              expect=close_to(stats.binom.pmf, atol=1e-12), function="binomial_pmf",
              hint="comb(n, k) * p**k * (1 - p)**(n - k); math.comb counts the arrangements."),
        Check("binomial edge cases",
              [Case(ks, 10, 0.0), Case(ks, 10, 1.0), Case(np.array([0, 3]), 0, 0.4),
               Case(np.array([11, 12]), 10, 0.5)],
              expect=close_to(stats.binom.pmf, atol=1e-12), function="binomial_pmf",
              hint="p = 0 puts all the mass on k = 0, p = 1 on k = n; k > n has probability 0."),
        Check("Poisson", [Case(ks, 3.0), Case(0, 0.5), Case(np.array([40, 60]), 50.0)],
              expect=close_to(stats.poisson.pmf, atol=1e-12), function="poisson_pmf",
              hint="lam**k * exp(-lam) / k!; math.factorial or math.lgamma(k + 1) for k!."),
        Check("Poisson with lam = 0", [Case(np.array([0, 1, 2]), 0.0)],
              expect=close_to(stats.poisson.pmf), function="poisson_pmf",
              hint="With lam = 0 the count is always 0: P(0) = 1."),
        Check("invalid Bernoulli input", [Case(1, 1.5), Case(0, -0.1), Case(-1, 0.5)],
              expect=raises(ValueError), function="bernoulli_pmf",
              hint="Raise ValueError when p is outside [0, 1] or k is negative."),
        Check("invalid binomial input",
              [Case(2, 5, 1.2), Case(-1, 5, 0.5), Case(1.5, 5, 0.5), Case(1, -2, 0.5),
               Case(1, 2.5, 0.5)],
              expect=raises(ValueError), function="binomial_pmf",
              hint="k and n must be non-negative whole numbers and p must lie in [0, 1]."),
        Check("invalid Poisson input", [Case(2, -1.0), Case(-3, 2.0), Case(0.5, 2.0)],
              expect=raises(ValueError), function="poisson_pmf",
              hint="lam must be >= 0 and k a non-negative whole number."),
        Check("large n",
              [Case(np.arange(0, 501, 25), 500, float(p)) for p in rng.uniform(0.05, 0.95, 3)],
              expect=close_to(stats.binom.pmf, rtol=1e-6, atol=1e-12, hidden=True),
              function="binomial_pmf", hidden=True,
              hint="comb(n, k) and p**k reach huge and tiny numbers: work with logarithms "
                   "(math.lgamma) or Python's exact integers."),
        Check("large counts", [Case(np.arange(150, 260, 10), 200.0)],
              expect=close_to(stats.poisson.pmf, rtol=1e-6, atol=1e-12, hidden=True),
              function="poisson_pmf", hidden=True,
              hint="200**200 overflows a float: compute the log of the pmf and exponentiate."),
    ]


# --------------------------------------------------------------------------------------------
# Continuous distributions

def _uniform(dist: Any) -> Callable[..., Any]:
    def reference(x: Any, a: float = 0.0, b: float = 1.0) -> Any:
        return dist(x, loc=a, scale=b - a)
    return reference


def uniform() -> list[Check]:
    rng = _rng(3)
    xs = np.linspace(-1.0, 3.0, 17)
    pdf, cdf = _uniform(stats.uniform.pdf), _uniform(stats.uniform.cdf)
    return [
        Check("pdf on [0, 1]", [Case(xs), Case(0.5)], expect=close_to(pdf),
              function="uniform_pdf", hint="1 / (b - a) inside [a, b], 0 outside."),
        Check("pdf on [a, b], ends included", [Case(xs, -0.5, 2.0), Case(np.array([1.0, 3.0]), 1.0, 3.0)],
              expect=close_to(pdf), function="uniform_pdf",
              hint="Both ends belong to the interval: use a <= x <= b."),
        Check("cdf", [Case(xs), Case(xs, -0.5, 2.0), Case(2.5, 2.0, 4.0)],
              expect=close_to(cdf), function="uniform_cdf",
              hint="(x - a) / (b - a), clipped to [0, 1] (np.clip)."),
        Check("a >= b", [Case(0.5, 1.0, 1.0), Case(0.5, 2.0, 1.0)], expect=raises(ValueError),
              function="uniform_pdf", hint="Raise ValueError unless a < b."),
        Check("a >= b (cdf)", [Case(0.5, 3.0, -3.0)], expect=raises(ValueError),
              function="uniform_cdf", hint="Raise ValueError unless a < b."),
        Check("random intervals",
              [Case(rng.uniform(-5, 5, size=30), -2.0, float(rng.uniform(0.1, 3)))],
              expect=close_to(cdf, hidden=True), function="uniform_cdf", hidden=True,
              hint="Clip below a to 0 and above b to 1."),
    ]


def normal_pdf() -> list[Check]:
    rng = _rng(4)
    xs = np.linspace(-4.0, 4.0, 17)
    ref = close_to(lambda x, mu=0.0, sigma=1.0: stats.norm.pdf(x, mu, sigma), atol=1e-15)
    return [
        Check("standard Normal", [Case(xs), Case(0.0)], expect=ref,
              hint="exp(-x**2 / 2) / sqrt(2 * pi)."),
        Check("mean and standard deviation", [Case(xs, 1.0, 2.0), Case(xs, -3.0, 0.5)],
              expect=ref, hint="Standardise first: z = (x - mu) / sigma, and divide by sigma too."),
        Check("invalid sigma", [Case(0.0, 0.0, 0.0), Case(0.0, 0.0, -1.0)],
              expect=raises(ValueError), hint="sigma must be > 0: raise ValueError otherwise."),
        Check("random parameters",
              [Case(rng.normal(size=25) * 3, float(rng.normal()), float(rng.uniform(0.2, 4)))
               for _ in range(3)],
              expect=close_to(lambda x, mu, sigma: stats.norm.pdf(x, mu, sigma), atol=1e-15,
                              hidden=True), hidden=True,
              hint="The normalising constant is 1 / (sigma * sqrt(2 * pi))."),
    ]


def normal_cdf() -> list[Check]:
    rng = _rng(5)
    xs = np.linspace(-5.0, 5.0, 21)
    ref = close_to(lambda x, mu=0.0, sigma=1.0: stats.norm.cdf(x, mu, sigma), atol=1e-12)
    return [
        Check("standard Normal", [Case(xs), Case(0.0), Case(1.96)], expect=ref,
              hint="Phi(x) = (1 + erf(x / sqrt(2))) / 2; math.erf works on one number at a time."),
        Check("mean and standard deviation", [Case(xs, 2.0, 3.0), Case(xs, -1.0, 0.25)],
              expect=ref, hint="Standardise first: z = (x - mu) / sigma."),
        Check("far left tail (relative precision)", [Case(np.array([-10.0, -20.0, -30.0]))],
              expect=close_to(lambda x: stats.norm.cdf(x), rtol=1e-6, atol=0.0),
              hint="1 + erf(z) cancels to 0 for very negative z. Use the complement: "
                   "Phi(x) = erfc(-x / sqrt(2)) / 2 (math.erfc)."),
        Check("invalid sigma", [Case(0.0, 0.0, 0.0), Case(1.0, 0.0, -2.0)],
              expect=raises(ValueError), hint="sigma must be > 0: raise ValueError otherwise."),
        Check("random parameters",
              [Case(rng.normal(size=25) * 4, float(rng.normal()), float(rng.uniform(0.2, 4)))
               for _ in range(3)],
              expect=close_to(lambda x, mu, sigma: stats.norm.cdf(x, mu, sigma), atol=1e-12,
                              hidden=True), hidden=True,
              hint="Divide by sigma * sqrt(2) inside erf, not only by sqrt(2)."),
    ]


def _spd(rng: np.random.Generator, d: int, scale: float = 1.0) -> np.ndarray:
    A = rng.normal(size=(d, d))
    return scale * (A @ A.T / d + 0.5 * np.eye(d))


def mvn_logpdf() -> list[Check]:
    rng = _rng(6)
    ref = close_to(lambda x, mean, cov: stats.multivariate_normal.logpdf(x, mean, cov))
    cov3 = _spd(rng, 3)
    d_big = 200
    return [
        Check("standard 2-D Normal at its mean", [Case(np.zeros(2), np.zeros(2), np.eye(2))],
              expect=ref, hint="-0.5 * (d log(2 pi) + log det(cov) + quadratic form)."),
        Check("one dimension", [Case(np.array([1.5]), np.array([0.5]), np.array([[4.0]]))],
              expect=ref, hint="With d = 1 it is the log of the Normal pdf with sigma**2 = cov."),
        Check("correlated 3-D, one point",
              [Case(rng.normal(size=3), rng.normal(size=3), cov3)], expect=ref,
              hint="The quadratic form is (x - mean) @ inv(cov) @ (x - mean): solve, do not invert."),
        Check("several points as rows",
              [Case(rng.normal(size=(5, 3)), np.zeros(3), cov3)], expect=ref,
              hint="x of shape (n, d) gives n log-densities, one per row."),
        Check("not positive definite", [Case(np.zeros(2), np.zeros(2), np.array([[1.0, 2.0],
                                                                             [2.0, 1.0]]))],
              expect=raises(ValueError),
              hint="np.linalg.cholesky raises LinAlgError (a ValueError) when cov is not "
                   "positive definite; let it through or raise ValueError yourself."),
        Check("shapes disagree", [Case(np.zeros(3), np.zeros(2), np.eye(2)),
                                  Case(np.zeros(2), np.zeros(2), np.eye(3))],
              expect=raises(ValueError),
              hint="Check that x, mean and cov have matching d before computing."),
        Check("high dimension",
              [Case(rng.normal(size=(4, d_big)) * 0.1, np.zeros(d_big),
                    _spd(rng, d_big, scale=0.01))],
              expect=close_to(lambda x, mean, cov: stats.multivariate_normal.logpdf(x, mean, cov),
                              rtol=1e-7, hidden=True), hidden=True,
              hint="det(cov) underflows to 0 in high dimension: get log det from the Cholesky "
                   "factor, 2 * sum(log(diag(L)))."),
    ]


# --------------------------------------------------------------------------------------------
# Sampling

def _looks_like(dist: Any, name: str, mean: float, var: float,
                var_se_factor: float) -> Callable[[Case, Any], str | None]:
    """A predicate: ``value`` is a sample of ``dist`` (KS test, mean and variance)."""

    def predicate(case: Case, value: Any) -> str | None:
        n = case.args[0]
        if value is None:
            return "your function returned None: did you forget `return`?"
        x = np.asarray(value)
        if x.shape != (n,):
            return f"expected {n} samples in an array of shape ({n},), received shape {x.shape}"
        if x.dtype.kind != "f":
            return f"the samples should be floating point, received dtype {x.dtype}"
        if not np.all(np.isfinite(x)):
            return "some samples are inf or NaN (log(0)? use 1 - u, which lies in (0, 1])"
        result = stats.kstest(x, dist.cdf)
        if result.pvalue < KS_THRESHOLD:
            return (f"the samples do not follow {name}: Kolmogorov-Smirnov statistic "
                    f"{result.statistic:.4f}, p-value {result.pvalue:.2e} < {KS_THRESHOLD:g} "
                    f"(sample mean {x.mean():.4f}, expected {mean:.4f}; sample variance "
                    f"{x.var():.4f}, expected {var:.4f})")
        mean_se = math.sqrt(var / n)
        if abs(x.mean() - mean) > 5 * mean_se:
            return f"the sample mean {x.mean():.4f} is too far from {mean:.4f}"
        var_se = var_se_factor * var / math.sqrt(n)
        if abs(x.var() - var) > 5 * var_se:
            return f"the sample variance {x.var():.4f} is too far from {var:.4f}"
        return None

    return predicate


def _shape_only(case: Case, value: Any) -> str | None:
    n = case.args[0]
    if value is None:
        return "your function returned None: did you forget `return`?"
    x = np.asarray(value)
    if x.shape != (n,) or x.dtype.kind != "f":
        return f"expected a float array of shape ({n},), received {x.dtype} of shape {x.shape}"
    if not np.all(np.isfinite(x)):
        return "some samples are inf or NaN"
    return None


def _same_seed_same_samples(case: Case, value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"first", "again", "other"}:
        return "the sampler could not be called three times (see the other checks)"
    if value["first"].shape != value["again"].shape:
        return "two calls with the same n returned different numbers of samples"
    if not np.array_equal(value["first"], value["again"]):
        return ("two generators with the same seed gave different samples: draw every random "
                "number from the `rng` argument (not np.random.* or a new generator)")
    if value["first"].size and np.array_equal(value["first"], value["other"]):
        return ("generators with different seeds gave the same samples: draw the uniforms from "
                "the `rng` argument")
    return None


def _sampler_checks(function: str, params: tuple[Any, ...], seeds: tuple[int, ...],
                    dist: Any, name: str, mean: float, var: float, var_se_factor: float,
                    hint: str, param_names: tuple[str, ...] = ()) -> list[Check]:
    predicate = satisfies(_looks_like(dist, name, mean, var, var_se_factor))
    shown = "".join(f", {k} = {v}" for k, v in zip(param_names, params, strict=True))

    def case(n: int, seed: int) -> Case:
        return Case(n, *params, _rng(seed),
                    label=f"n = {n}{shown}, rng = np.random.default_rng({seed})")

    return [
        Check(f"{N_SAMPLES} samples follow {name}", [case(N_SAMPLES, seeds[0])],
              expect=predicate, allow_mutation=True, hint=hint),
        Check("uses the generator it is given",
              [Case(function, 1000, *params, seed=seeds[1], driver=DRIVER,
                    label=f"n = 1000{shown}, twice with a generator seeded {seeds[1]} and "
                          f"once with one seeded {seeds[1] + 1}")],
              expect=satisfies(_same_seed_same_samples),
              hint="Take every random number from `rng` (rng.random(n)), never np.random.*."),
        Check("tiny n", [case(n, seeds[2]) for n in (0, 1, 3)],
              expect=satisfies(_shape_only), allow_mutation=True,
              hint="Return exactly n samples, as a float array of shape (n,)."),
        Check("odd n", [case(N_SAMPLES + 1, seeds[2])],
              expect=predicate, allow_mutation=True,
              hint="Return exactly n samples, also when n is odd."),
        Check("negative n", [case(-1, seeds[2])], expect=raises(ValueError),
              allow_mutation=True, hint="Raise ValueError when n < 0."),
        Check("more seeds", [Case(N_SAMPLES, *params, _rng(s)) for s in seeds[3:]],
              expect=satisfies(lambda case, value: _looks_like(dist, name, mean, var,
                                                               var_se_factor)(case, value)
                               and "the samples do not have the right distribution"),
              allow_mutation=True, hidden=True, hint=hint),
    ]


def inverse_transform() -> list[Check]:
    lam = 2.5
    dist = stats.expon(scale=1 / lam)
    # Var of the sample variance of an Exponential: (mu4 - var^2) / n = 8 var^2 / n.
    checks = _sampler_checks("sample_exponential", (lam,), (10, 11, 12, 13, 14), dist,
                             f"Exponential(lam = {lam})", 1 / lam, 1 / lam**2, math.sqrt(8),
                             hint="Invert F(x) = 1 - exp(-lam x): x = -log(1 - u) / lam.",
                             param_names=("lam",))
    checks.append(Check("invalid rate", [Case(10, 0.0, _rng(0), label="n = 10, lam = 0"),
                                           Case(10, -1.0, _rng(0), label="n = 10, lam = -1")],
                        expect=raises(ValueError), allow_mutation=True,
                        hint="The rate lam must be > 0: raise ValueError otherwise."))
    checks.append(Check("another rate", [Case(N_SAMPLES, 0.2, _rng(15),
                                              label=f"n = {N_SAMPLES}, lam = 0.2, rng = "
                                                    "np.random.default_rng(15)")],
                        expect=satisfies(_looks_like(stats.expon(scale=5.0),
                                                     "Exponential(lam = 0.2)", 5.0, 25.0,
                                                     math.sqrt(8))),
                        allow_mutation=True,
                        hint="The mean of an Exponential is 1 / lam: divide by lam."))
    return checks


def box_muller() -> list[Check]:
    # Var of the sample variance of a Normal: 2 var^2 / n.
    return _sampler_checks("box_muller", (), (20, 21, 22, 23, 24), stats.norm,
                           "N(0, 1)", 0.0, 1.0, math.sqrt(2),
                           hint="R = sqrt(-2 log u1), then R cos(2 pi u2) and R sin(2 pi u2).")


# --------------------------------------------------------------------------------------------
# Maximum likelihood

def _norm_fit(x: Any) -> tuple[float, float]:
    mu, sigma = stats.norm.fit(np.asarray(x, dtype=float))
    return float(mu), float(sigma) ** 2


def _mle_normal_close(case: Case, value: Any) -> str | None:
    expected = _norm_fit(*case.args)
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return "expected a tuple (mu_hat, sigma2_hat)"
    for what, exp, rec in (("mu_hat", expected[0], value[0]),
                           ("sigma2_hat (the variance)", expected[1], value[1])):
        msg = compare_values(exp, rec, rtol=1e-6, atol=1e-10, what=what)
        if msg:
            return msg
    return None


def mle() -> list[Check]:
    rng = _rng(7)
    coin = (rng.random(40) < 0.3).astype(float)
    return [
        Check("Bernoulli: small samples", [Case([1, 0, 1, 1]), Case([0, 0, 0]), Case([1])],
              expect=close_to(lambda x: np.mean(x)), function="mle_bernoulli",
              hint="Set the derivative of k log p + (n - k) log(1 - p) to 0: p = k / n."),
        Check("Bernoulli: 40 coin flips", [Case(coin)],
              expect=close_to(lambda x: np.mean(x)), function="mle_bernoulli",
              hint="The fraction of ones."),
        Check("Bernoulli: invalid data", [Case([0, 1, 2]), Case([])], expect=raises(ValueError),
              function="mle_bernoulli",
              hint="Bernoulli data are 0s and 1s, and there must be at least one."),
        Check("Normal: compared with scipy.stats.norm.fit",
              [Case([1.0, 2.0, 3.0, 6.0]), Case(rng.normal(5, 2, size=50))],
              expect=satisfies(_mle_normal_close), function="mle_normal",
              hint="mu_hat is the mean; sigma2_hat divides the squared deviations by n, not n-1."),
        Check("Normal: empty data", [Case([])], expect=raises(ValueError), function="mle_normal",
              hint="Raise ValueError when there is no data."),
        Check("Normal: more data", [Case(rng.normal(-3, 0.5, size=n)) for n in (2, 1000)],
              expect=satisfies(lambda case, value: _mle_normal_close(case, value)
                               and "the estimates differ from the maximum-likelihood ones"),
              function="mle_normal", hidden=True,
              hint="Return the variance (sigma squared), not the standard deviation."),
    ]
