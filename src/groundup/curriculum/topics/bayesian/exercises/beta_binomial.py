"""Exercise bayes.beta_binomial: updating a Beta prior with coin flips.

Run `groundup lesson bayes.updating` for the lesson, `groundup check bayes.beta_binomial` to
check.
"""


def beta_binomial_update(alpha: float, beta: float, successes: int,
                         failures: int) -> tuple[float, float]:
    r"""Posterior Beta parameters after observing ``successes`` and ``failures``.

    Prior :math:`\theta \sim \mathrm{Beta}(\alpha, \beta)`, density proportional to
    :math:`\theta^{\alpha-1}(1-\theta)^{\beta-1}`; the likelihood of :math:`s` successes and
    :math:`f` failures is proportional to :math:`\theta^s (1-\theta)^f`. Their product is
    again a Beta:

    .. math:: \theta \mid \text{data} \sim \mathrm{Beta}(\alpha + s,\ \beta + f)

    Parameters
    ----------
    alpha, beta : float, both > 0
    successes, failures : int, both >= 0 (whole numbers)

    Returns
    -------
    (alpha_post, beta_post) : tuple of float

    Raises
    ------
    ValueError
        If ``alpha`` or ``beta`` is not positive, or a count is negative or not whole.

    Examples
    --------
    >>> beta_binomial_update(1, 1, 7, 3)
    (8.0, 4.0)
    """
    # TODO: validate, then add the counts to the prior's parameters.
    raise NotImplementedError


def beta_posterior_mean(alpha: float, beta: float) -> float:
    r"""Mean of :math:`\mathrm{Beta}(\alpha, \beta)`.

    .. math:: E[\theta] = \frac{\alpha}{\alpha + \beta}

    Parameters
    ----------
    alpha, beta : float, both > 0

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``alpha`` or ``beta`` is not positive.

    Examples
    --------
    >>> beta_posterior_mean(8, 4)
    0.6666666666666666
    """
    # TODO: validate, then apply the formula.
    raise NotImplementedError
