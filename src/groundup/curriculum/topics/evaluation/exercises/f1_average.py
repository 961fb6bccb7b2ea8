"""Exercise metrics.f1_average: F1 for many classes (macro, micro and weighted averages).

Run `groundup lesson metrics.classification` for the lesson, `groundup check metrics.f1_average` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def f1_score(y_true: ArrayLike, y_pred: ArrayLike, *,
             average: str | None) -> float | np.ndarray:
    r"""F1 of a multiclass prediction, per class or averaged over the classes.

    For each class :math:`k` (one-vs-rest) count :math:`TP_k`, the number predicted
    :math:`\hat N_k` and the number truly in it :math:`N_k` (its *support*):

    .. math:: F_{1,k} = \frac{2\,TP_k}{N_k + \hat N_k} \quad (0 \text{ when } N_k + \hat N_k = 0)

    - ``"macro"``: :math:`\frac1K \sum_k F_{1,k}`, every class counts the same;
    - ``"weighted"``: :math:`\sum_k N_k F_{1,k} / \sum_k N_k`, classes weighted by support;
    - ``"micro"``: pool the counts, :math:`\frac{2\sum_k TP_k}{\sum_k N_k + \sum_k \hat N_k}`;
    - ``None``: the array of :math:`F_{1,k}`, classes sorted.

    The classes are all labels appearing in ``y_true`` or ``y_pred``.

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
    average : {"macro", "micro", "weighted"} or None

    Returns
    -------
    float, or ndarray of shape (n_classes,) when ``average`` is None

    Raises
    ------
    ValueError
        If the lengths differ or ``average`` is not one of the four options.

    Examples
    --------
    >>> f1_score([0, 1, 2, 2], [0, 2, 2, 2], average=None)
    array([1. , 0. , 0.8])
    >>> f1_score([0, 1, 2, 2], [0, 2, 2, 2], average="macro")
    0.6
    """
    # TODO: find the classes; count TP, predicted and true per class; compute the per-class
    # F1; then average as asked.
    raise NotImplementedError
