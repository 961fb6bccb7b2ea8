"""Exercise fair.group_confusion: tn, fp, fn and tp counted inside each group.

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.group_confusion` to
check. The checks compare with scikit-learn's ``confusion_matrix`` run per group by fairlearn's
``MetricFrame``.
"""

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike


def group_confusion_matrices(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike) -> pd.DataFrame:
    """The confusion-matrix counts of each group.

    Parameters
    ----------
    y_true, y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)

    Returns
    -------
    pandas.DataFrame
        One row per group (sorted labels; the index is named ``"group"``) and four int64
        columns ``tn``, ``fp``, ``fn``, ``tp`` (true negatives: y = 0 and predicted 0; false
        positives: y = 0, predicted 1; false negatives: y = 1, predicted 0; true positives).
        A group with no positives (or no negatives) still has all four columns.

    Raises
    ------
    ValueError
        If the arrays are empty, not 0/1, or of different lengths.

    Examples
    --------
    >>> group_confusion_matrices([0, 1, 1, 1], [0, 1, 0, 1], ["a", "a", "b", "b"]).to_numpy()
    array([[1, 0, 0, 1],
           [0, 0, 1, 1]])
    """
    # TODO: count the four cells in every group; build the DataFrame.
    raise NotImplementedError
