"""Exercise prob.inverse_transform: Exponential samples from uniform ones.

Run `groundup lesson prob.sampling` for the lesson, `groundup check prob.inverse_transform` to
check. The checks test your samples statistically (a Kolmogorov–Smirnov test and the sample
mean and variance), so any correct way of using ``rng`` passes.
"""

import numpy as np


def sample_exponential(n: int, lam: float, rng: np.random.Generator) -> np.ndarray:
    r"""``n`` samples of the Exponential distribution with rate ``lam``, by inverse transform.

    The CDF :math:`F(x) = 1 - e^{-\lambda x}` (for :math:`x \ge 0`) inverts to

    .. math:: F^{-1}(u) = -\frac{\log(1 - u)}{\lambda}

    and if :math:`U \sim \mathcal U(0, 1)` then :math:`F^{-1}(U)` has CDF :math:`F`.

    Parameters
    ----------
    n : int, >= 0
        How many samples.
    lam : float, > 0
        The rate; the mean of the distribution is ``1 / lam``.
    rng : numpy.random.Generator
        Draw every uniform from it: ``rng.random(n)`` gives ``n`` uniforms in [0, 1).

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        If ``n < 0`` or ``lam <= 0``.

    Examples
    --------
    >>> x = sample_exponential(100_000, 2.0, np.random.default_rng(0))
    >>> round(float(x.mean()), 2)
    0.5
    """
    # TODO: validate, draw n uniforms from rng, push them through the inverse CDF.
    raise NotImplementedError
