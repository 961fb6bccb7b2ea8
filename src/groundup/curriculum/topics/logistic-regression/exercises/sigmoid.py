"""Exercise logreg.sigmoid: the logistic sigmoid, stable for any score.

Run `groundup lesson logreg.logistic-regression` for the lesson, `groundup check logreg.sigmoid`
to check. Vectorise: no Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike


def sigmoid(z: ArrayLike) -> float | np.ndarray:
    r"""The logistic sigmoid, which turns a score into a probability.

    .. math:: \sigma(z) = \frac{1}{1 + e^{-z}} = \frac{e^{z}}{1 + e^{z}}

    :math:`e^{-z}` overflows (with a warning) once :math:`z < -709`. The first form only
    exponentiates non-positive numbers when :math:`z \ge 0`, the second when :math:`z < 0`:
    use each where it is safe.

    Parameters
    ----------
    z : float or array_like
        Scores, any shape.

    Returns
    -------
    float or ndarray
        Same shape as ``z`` (a float for a single number), values in :math:`[0, 1]`.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(np.array([-1000.0, 1000.0])).tolist()
    [0.0, 1.0]
    """
    # TODO: compute both forms safely and pick the right one for each z (np.where).
    raise NotImplementedError
