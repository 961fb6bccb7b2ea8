# Wrong: mean +- 1.96 sd is the Normal approximation, not the Beta's quantiles (and it ignores
# the level).
import math


def beta_credible_interval(alpha, beta, level=0.95):
    if alpha <= 0 or beta <= 0 or not 0 < level < 1:
        raise ValueError("bad input")
    m = alpha / (alpha + beta)
    sd = math.sqrt(alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1)))
    return m - 1.96 * sd, m + 1.96 * sd
