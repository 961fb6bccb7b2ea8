# Wrong: the posterior mean is computed as the mode (alpha - 1) / (alpha + beta - 2).
def beta_binomial_update(alpha, beta, successes, failures):
    if alpha <= 0 or beta <= 0 or successes < 0 or failures < 0:
        raise ValueError("bad input")
    if successes != int(successes) or failures != int(failures):
        raise ValueError("counts must be whole")
    return float(alpha + successes), float(beta + failures)


def beta_posterior_mean(alpha, beta):
    if alpha <= 0 or beta <= 0:
        raise ValueError("alpha and beta must be > 0")
    return (alpha - 1) / (alpha + beta - 2)
