# Wrong: P(+) = sensitivity * prior + false_positive_rate, forgetting that only the healthy
# fraction (1 - prior) produces false positives.
def bayes_posterior(prior, sensitivity, false_positive_rate):
    for v in (prior, sensitivity, false_positive_rate):
        if not 0 <= v <= 1:
            raise ValueError("probabilities must lie in [0, 1]")
    evidence = sensitivity * prior + false_positive_rate
    if evidence == 0:
        raise ValueError("P(+) = 0")
    return sensitivity * prior / evidence
