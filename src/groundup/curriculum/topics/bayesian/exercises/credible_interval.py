"""Exercise bayes.credible_interval: an equal-tailed credible interval of a Beta posterior.

Run `groundup lesson bayes.updating` for the lesson, `groundup check bayes.credible_interval`
to check.

You may use ``scipy.special.betainc(alpha, beta, x)``, the Beta CDF; find its inverse
yourself (``scipy.stats``, ``scipy.optimize`` and the ready-made inverses are off limits).
"""

from scipy.special import betainc


def beta_credible_interval(alpha: float, beta: float,
                           level: float = 0.95) -> tuple[float, float]:
    r"""Equal-tailed credible interval of :math:`\mathrm{Beta}(\alpha, \beta)`.

    The interval leaves probability :math:`(1 - \text{level}) / 2` in each tail:

    .. math:: \left[F^{-1}\!\left(\tfrac{1 - \text{level}}{2}\right),\
              F^{-1}\!\left(\tfrac{1 + \text{level}}{2}\right)\right]

    where :math:`F(x) = \texttt{betainc}(\alpha, \beta, x)` is the CDF. :math:`F` increases
    from 0 to 1 on [0, 1], so :math:`F^{-1}(q)` can be found by bisection: keep a bracket
    ``[lo, hi]`` with :math:`F(lo) < q \le F(hi)` and halve it until it is tiny (1e-12).

    Parameters
    ----------
    alpha, beta : float, both > 0
    level : float, strictly between 0 and 1, default 0.95

    Returns
    -------
    (lower, upper) : tuple of float

    Raises
    ------
    ValueError
        If ``alpha`` or ``beta`` is not positive, or ``level`` is not in (0, 1).

    Examples
    --------
    >>> lo, hi = beta_credible_interval(8, 4)
    >>> round(lo, 3), round(hi, 3)
    (0.39, 0.891)
    """
    # TODO: validate; write a bisection for F^{-1}(q); apply it to both tail probabilities.
    raise NotImplementedError
