"""Exercise bayes.medical_test: Bayes' theorem and the medical test.

Run `groundup lesson bayes.theorem` for the lesson, `groundup check bayes.medical_test` to
check.
"""


def bayes_posterior(prior: float, sensitivity: float, false_positive_rate: float) -> float:
    r"""Probability of having the disease given a positive test.

    .. math:: P(D \mid +) = \frac{P(+ \mid D)\,P(D)}{P(+ \mid D)\,P(D)
              + P(+ \mid \neg D)\,\bigl(1 - P(D)\bigr)}

    Parameters
    ----------
    prior : float in [0, 1]
        :math:`P(D)`, the fraction of people who have the disease (the base rate).
    sensitivity : float in [0, 1]
        :math:`P(+ \mid D)`, how often the test is positive for an ill person.
    false_positive_rate : float in [0, 1]
        :math:`P(+ \mid \neg D)`, how often it is positive for a healthy person.

    Returns
    -------
    float
        :math:`P(D \mid +)`.

    Raises
    ------
    ValueError
        If an argument is outside [0, 1], or a positive test is impossible
        (:math:`P(+) = 0`, so the posterior would be 0 / 0).

    Examples
    --------
    >>> round(bayes_posterior(0.01, 0.9, 0.05), 4)
    0.1538
    """
    # TODO: validate; P(+, D) and P(+, not D); divide the first by their sum.
    raise NotImplementedError
