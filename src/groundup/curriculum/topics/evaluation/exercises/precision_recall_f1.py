"""Exercise metrics.precision_recall_f1: precision, recall and F1 for one class.

Run `groundup lesson metrics.classification` for the lesson,
`groundup check metrics.precision_recall_f1` to check.
"""

from typing import Any

from numpy.typing import ArrayLike


def precision_recall_f1(y_true: ArrayLike, y_pred: ArrayLike,
                        pos_label: Any = 1) -> tuple[float, float, float]:
    r"""Precision, recall and F1 of the class ``pos_label`` in a two-class problem.

    With :math:`TP` (predicted positive, truly positive), :math:`FP` (predicted positive,
    truly negative) and :math:`FN` (predicted negative, truly positive):

    .. math::
        P = \frac{TP}{TP + FP}, \qquad R = \frac{TP}{TP + FN}, \qquad
        F_1 = \frac{2PR}{P + R} = \frac{2\,TP}{2\,TP + FP + FN}

    A ratio whose denominator is 0 is defined as 0 (scikit-learn's ``zero_division=0``).

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        At most two distinct labels in total.
    pos_label : label
        The class called "positive".

    Returns
    -------
    (precision, recall, f1) : tuple of float

    Raises
    ------
    ValueError
        If the lengths differ, more than two labels appear, or two labels appear and
        ``pos_label`` is neither of them.

    Examples
    --------
    >>> precision_recall_f1([0, 1, 1, 1], [1, 1, 0, 1])
    (0.6666666666666666, 0.6666666666666666, 0.6666666666666666)
    >>> precision_recall_f1(["spam", "ham"], ["spam", "spam"], pos_label="spam")
    (0.5, 1.0, 0.6666666666666666)
    """
    # TODO: validate; count TP, FP and FN with boolean masks; divide, with 0 for 0 / 0.
    raise NotImplementedError
