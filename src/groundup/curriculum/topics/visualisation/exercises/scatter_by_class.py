"""Exercise viz.scatter_by_class: a scatter plot coloured by class, with a legend.

Run `groundup lesson viz.choosing` for the lesson, `groundup check viz.scatter_by_class` to
check.
"""

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike


def scatter_by_class(X: ArrayLike, y: ArrayLike, class_names: Sequence[str],
                     feature_names: Sequence[str] = ("feature 0", "feature 1")) -> Figure:
    r"""Scatter two features, one group of points (one colour, one legend entry) per class.

    Class :math:`k` is drawn by its own ``ax.scatter`` call with the rows
    :math:`\{\, X_i : y_i = k \,\}` in their original order and ``label=class_names[k]``, for
    :math:`k = 0, 1, \dots, K - 1` in that order.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
        Column 0 goes on the x-axis, column 1 on the y-axis.
    y : array_like, shape (n_samples,)
        Class labels: whole numbers in ``0 .. K - 1``.
    class_names : sequence of str, length K
        The legend entry of each class.
    feature_names : pair of str
        The x- and y-axis labels.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes with K scatter groups, a legend listing ``class_names`` and labelled axes.

    Raises
    ------
    ValueError
        If ``X`` is not (n_samples, 2), ``y`` has another length, or a label is not in
        ``0 .. K - 1``.

    Examples
    --------
    >>> fig = scatter_by_class([[0, 0], [1, 1], [2, 0]], [0, 1, 0], ["a", "b"], ("x", "y"))
    >>> len(fig.axes[0].collections)
    2
    """
    # TODO: validate; fig, ax = plt.subplots(); one ax.scatter per class with label=name;
    # ax.legend(); label the axes with feature_names; return fig.
    raise NotImplementedError
