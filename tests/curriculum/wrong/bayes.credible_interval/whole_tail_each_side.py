# Wrong: puts 1 - level in each tail instead of (1 - level) / 2.
from scipy.special import betainc


def _quantile(q, a, b):
    lo, hi = 0.0, 1.0
    while hi - lo > 1e-13:
        mid = (lo + hi) / 2
        if betainc(a, b, mid) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def beta_credible_interval(alpha, beta, level=0.95):
    if alpha <= 0 or beta <= 0 or not 0 < level < 1:
        raise ValueError("bad input")
    return _quantile(1 - level, alpha, beta), _quantile(level, alpha, beta)
