"""Exercise prob.box_muller: Normal samples from uniform ones.

Run `groundup lesson prob.sampling` for the lesson, `groundup check prob.box_muller` to check.
The checks test your samples statistically, so any correct way of using ``rng`` passes.
"""

import numpy as np


def box_muller(n: int, rng: np.random.Generator) -> np.ndarray:
    r"""``n`` standard Normal samples by the Box–Muller transform.

    Two independent uniforms :math:`U_1, U_2` on (0, 1] give two independent
    :math:`\mathcal N(0, 1)` samples:

    .. math:: R = \sqrt{-2 \log U_1}, \qquad Z_1 = R \cos(2\pi U_2), \qquad
              Z_2 = R \sin(2\pi U_2)

    Parameters
    ----------
    n : int, >= 0
        How many samples; for odd ``n`` make one pair too many and drop the last sample.
    rng : numpy.random.Generator
        Draw every uniform from it (``rng.random(m)``; ``1 - rng.random(m)`` lies in (0, 1],
        so its logarithm is finite).

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        If ``n < 0``.

    Examples
    --------
    >>> z = box_muller(100_000, np.random.default_rng(0))
    >>> round(float(z.std()), 1)
    1.0
    """
    # TODO: draw (n + 1) // 2 pairs of uniforms, transform, concatenate, keep n samples.
    raise NotImplementedError
