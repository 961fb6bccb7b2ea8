"""Exercise logreg.log_loss: the binary cross-entropy of predicted probabilities.

Run `groundup lesson logreg.logistic-regression` for the lesson, `groundup check logreg.log_loss`
to check.
"""

import numpy as np  # noqa: F401 - you will need it
from numpy.typing import ArrayLike


def log_loss(y: ArrayLike, p: ArrayLike) -> float:
    r"""The mean log-loss of probabilities ``p`` (of label 1) for labels ``y``.

    .. math:: L = -\frac1n \sum_i \big[y_i \log p_i + (1 - y_i)\log(1 - p_i)\big]

    A certain and wrong prediction (:math:`p_i = 0` for :math:`y_i = 1`) would cost
    :math:`-\log 0 = \infty`; as scikit-learn does, first clip ``p`` to
    :math:`[\varepsilon, 1 - \varepsilon]` with :math:`\varepsilon` = ``np.finfo(float).eps``.

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Labels, each 0 or 1.
    p : array_like, shape (n_samples,)
        Predicted probabilities of label 1, each in [0, 1].

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y`` and ``p`` are not 1-D of the same non-zero length, a label is not 0 or 1, or
        a probability is outside [0, 1].

    Examples
    --------
    >>> round(log_loss([1, 0], [0.9, 0.2]), 6)
    0.164252
    """
    # TODO: validate, clip p, average the per-sample losses.
    raise NotImplementedError
