# Wrong: adds the successes to beta and the failures to alpha.
def beta_binomial_update(alpha, beta, successes, failures):
    if alpha <= 0 or beta <= 0 or successes < 0 or failures < 0:
        raise ValueError("bad input")
    if successes != int(successes) or failures != int(failures):
        raise ValueError("counts must be whole")
    return float(alpha + failures), float(beta + successes)


def beta_posterior_mean(alpha, beta):
    if alpha <= 0 or beta <= 0:
        raise ValueError("alpha and beta must be > 0")
    return alpha / (alpha + beta)
