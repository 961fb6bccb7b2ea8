"""Exercise metrics.roc_auc: ROC AUC from ranks, with ties.

Run `groundup lesson metrics.roc` for the lesson, `groundup check metrics.roc_auc` to check.
"""

from numpy.typing import ArrayLike


def roc_auc_score(y_true: ArrayLike, y_score: ArrayLike) -> float:
    r"""Area under the ROC curve of a binary problem: how well the scores rank the classes.

    It is the probability that a random positive scores higher than a random negative, a
    tie counting one half. Rank all :math:`n` scores from 1 (lowest) to :math:`n`, giving tied
    scores the mean of the ranks they span; with :math:`n_+` positives and :math:`n_-`
    negatives,

    .. math:: \text{AUC} = \frac{\sum_{i:\,y_i = 1} r_i - \frac{n_+(n_+ + 1)}{2}}{n_+\, n_-}

    (the sum of the positives' ranks, minus its smallest possible value, over the number of
    pairs). This equals the area under the ROC curve by the trapezoid rule.

    Parameters
    ----------
    y_true : array_like, shape (n_samples,)
        Exactly two classes; the positive class is the greater label (1 for 0/1 labels).
    y_score : array_like, shape (n_samples,)
        Higher means "more likely positive" (a probability, a margin, anything ordered).

    Returns
    -------
    float
        In [0, 1]; 0.5 is a random ranking, 1 a perfect one.

    Raises
    ------
    ValueError
        If the lengths differ, or ``y_true`` does not hold exactly two classes.

    Examples
    --------
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc_score([0, 1], [0.5, 0.5])
    0.5
    """
    # TODO: validate; rank the scores (average ranks for ties, without comparing every pair);
    # apply the formula.
    raise NotImplementedError
