"""Exercise metrics.confusion_matrix: the confusion matrix.

Run `groundup lesson metrics.classification` for the lesson,
`groundup check metrics.confusion_matrix` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None,
                     normalize: str | None = None) -> np.ndarray:
    r"""Count how often each true class (row) was predicted as each class (column).

    .. math:: C_{ab} = \#\{i : y_i = a \text{ and } \hat y_i = b\}

    The diagonal holds the correct predictions; everything off it is a mistake.

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        True and predicted labels (numbers or strings).
    labels : array_like, shape (n_classes,), optional
        The classes, in the order of the rows and columns. Samples whose true or predicted
        label is not in ``labels`` are left out. Default: every label that appears in
        ``y_true`` or ``y_pred``, sorted.
    normalize : {"true", "pred", "all"} or None
        ``"true"``: divide each row by its sum; ``"pred"``: each column by its sum; ``"all"``:
        by the total. A row or column of zeros stays zero.

    Returns
    -------
    ndarray, shape (n_classes, n_classes)
        Integer counts, or floats when normalized.

    Raises
    ------
    ValueError
        If ``y_true`` and ``y_pred`` have different lengths, or ``normalize`` is not one of
        the four options.

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    >>> confusion_matrix(["cat", "dog"], ["dog", "dog"], labels=["dog", "cat"])
    array([[1, 0],
           [1, 0]])
    """
    # TODO: validate; find the classes; map each label to its index; count (row, column)
    # pairs into a k x k array; normalize if asked.
    raise NotImplementedError
