# Wrong: answers P(+ | D), the sensitivity, when P(D | +) is asked (the base-rate fallacy).
def bayes_posterior(prior, sensitivity, false_positive_rate):
    for v in (prior, sensitivity, false_positive_rate):
        if not 0 <= v <= 1:
            raise ValueError("probabilities must lie in [0, 1]")
    if sensitivity * prior + false_positive_rate * (1 - prior) == 0:
        raise ValueError("P(+) = 0")
    return float(sensitivity)
