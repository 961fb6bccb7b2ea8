"""Plots that tell the story of the data: Matplotlib and seaborn, one function per picture.

Phase 2 of the course (topic ``visualisation``). Every function here is what a learner writes
in an exercise: it takes data, draws on a fresh figure and returns that
:class:`matplotlib.figure.Figure`, so that the caller decides whether to show it, save it or
inspect it. They are tested against NumPy and pandas in ``tests/reference/test_plots.py``:
the bars, points, lines and cells drawn are read back from the figure and compared with
``np.histogram``, ``np.percentile`` and ``DataFrame.corr``.

The backend is left to the caller (``matplotlib.use("Agg")`` for files, the default for a
window); every function creates its own figure, so nothing is drawn on someone else's axes.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import MatplotlibDeprecationWarning
from matplotlib.figure import Figure
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "boxplots",
    "correlation_heatmap",
    "histogram",
    "iqr_outliers",
    "pair_plot",
    "scatter_by_class",
    "training_curve",
]


# --------------------------------------------------------------------------------------------
# Helpers

def _values(x: ArrayLike, name: str = "x") -> NDArray[np.float64]:
    """A non-empty 1-D float array without NaN."""
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must hold at least one value")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must hold finite numbers (no NaN or inf)")
    return arr


def _numeric_columns(df: pd.DataFrame, at_least: int, exclude: Sequence[str] = ()) -> list[Any]:
    """The names of ``df``'s numeric columns (bool excluded), or ValueError."""
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    numeric = [c for c in df.columns if c not in exclude
               and pd.api.types.is_numeric_dtype(df[c].dtype)
               and not pd.api.types.is_bool_dtype(df[c].dtype)]
    if len(numeric) < at_least:
        raise ValueError(f"df needs at least {at_least} numeric column(s), found {len(numeric)}: "
                         f"{numeric}")
    return numeric


# --------------------------------------------------------------------------------------------
# Lesson 1: the anatomy of a figure

def histogram(x: ArrayLike, bins: int | ArrayLike = 10, xlabel: str = "value") -> Figure:
    r"""A histogram of ``x``: one bar per bin, as tall as the number of values in it.

    With bin edges :math:`e_0 < e_1 < \dots < e_B`, bar :math:`b` covers
    :math:`[e_b, e_{b+1})` (the last bin also includes :math:`e_B`) and its height is

    .. math:: c_b = \#\{\, i : e_b \le x_i < e_{b+1} \,\}

    exactly as ``np.histogram(x, bins)`` counts. An integer ``bins`` means that many equal
    bins from ``min(x)`` to ``max(x)``.

    Parameters
    ----------
    x : array_like, shape (n,)
        The values, ``n >= 1``, all finite.
    bins : int or array_like, shape (B + 1,)
        The number of equal-width bins (``>= 1``), or the bin edges, strictly increasing.
    xlabel : str
        The x-axis label (what was measured). The y-axis is labelled ``"count"``.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes holding one bar (Rectangle) per bin.

    Raises
    ------
    ValueError
        If ``x`` is empty or not 1-D, ``bins`` is an integer below 1, or the edges are not
        strictly increasing (or fewer than 2).

    Examples
    --------
    >>> fig = histogram([1, 2, 2, 3, 3, 3], bins=3, xlabel="dice")
    >>> [float(p.get_height()) for p in fig.axes[0].patches]
    [1.0, 2.0, 3.0]
    """
    values = _values(x)
    edges: int | list[float]
    if np.ndim(bins) == 0:
        count = float(np.asarray(bins, dtype=float))
        if isinstance(bins, bool) or not np.isfinite(count) or count != round(count) or count < 1:
            raise ValueError(f"bins must be a whole number >= 1, got {bins!r}")
        edges = int(count)
    else:
        given = np.asarray(bins, dtype=float)
        if given.ndim != 1 or given.size < 2 or not np.all(np.diff(given) > 0):
            raise ValueError("bins given as edges must be at least 2 strictly increasing numbers")
        edges = given.tolist()
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.hist(values, bins=edges, edgecolor="white")
    ax.set(xlabel=xlabel, ylabel="count", title=f"Histogram of {xlabel}")
    return fig


def training_curve(train_loss: ArrayLike, val_loss: ArrayLike, log_scale: bool = False) -> Figure:
    r"""The training curve: training and validation loss per epoch, and the best epoch.

    Epochs are counted from 1: epoch :math:`t` has losses ``train_loss[t - 1]`` and
    ``val_loss[t - 1]``. The best epoch is the first one with the lowest validation loss,

    .. math:: t^\star = 1 + \operatorname{argmin}_t \; \text{val\_loss}_t

    marked with a vertical dashed line: stopping there ("early stopping") keeps the model that
    generalised best.

    Parameters
    ----------
    train_loss, val_loss : array_like, shape (num_epochs,)
        Losses per epoch, the same length, at least 1, finite.
    log_scale : bool
        Draw the loss axis on a log scale (losses must then be > 0).

    Returns
    -------
    matplotlib.figure.Figure
        One Axes with the lines ``"train"`` and ``"validation"`` (x = 1, ..., num_epochs), a
        vertical line at :math:`t^\star` labelled ``"best epoch"``, the x-axis labelled
        ``"epoch"``, the y-axis ``"loss"``, the title ``"Training curve"`` and a legend.

    Raises
    ------
    ValueError
        If the lengths differ, either is empty or not finite, or ``log_scale`` is set and a
        loss is not positive.

    Examples
    --------
    >>> fig = training_curve([1.0, 0.5, 0.3], [1.1, 0.6, 0.7])
    >>> [line.get_label() for line in fig.axes[0].lines]
    ['train', 'validation', 'best epoch']
    """
    train = _values(train_loss, "train_loss")
    val = _values(val_loss, "val_loss")
    if train.shape != val.shape:
        raise ValueError(f"train_loss and val_loss must have the same length, got {train.size} "
                         f"and {val.size}")
    if log_scale and (np.any(train <= 0) or np.any(val <= 0)):
        raise ValueError("a log scale needs positive losses")
    epochs = np.arange(1, train.size + 1)
    best = int(np.argmin(val)) + 1
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(epochs, train, label="train")
    ax.plot(epochs, val, label="validation")
    ax.axvline(best, color="gray", linestyle="--", label="best epoch")
    if log_scale:
        ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel="loss", title="Training curve")
    ax.legend()
    return fig


# --------------------------------------------------------------------------------------------
# Lesson 2: choosing a plot

def scatter_by_class(X: ArrayLike, y: ArrayLike, class_names: Sequence[str],
                     feature_names: Sequence[str] = ("feature 0", "feature 1")) -> Figure:
    r"""A scatter plot of two features, one colour (and one legend entry) per class.

    Class :math:`k` is drawn by its own ``ax.scatter`` call with the rows
    :math:`\{\, X_i : y_i = k \,\}` in their original order, labelled ``class_names[k]``,
    for :math:`k = 0, \dots, K - 1` in that order.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
        Column 0 goes on the x-axis, column 1 on the y-axis.
    y : array_like, shape (n_samples,)
        Class labels, whole numbers in ``0, ..., K - 1``.
    class_names : sequence of str, length K
        The legend text of each class.
    feature_names : pair of str
        The x- and y-axis labels.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes with K scatter collections and a legend titled ``"class"``.

    Raises
    ------
    ValueError
        If ``X`` is not (n, 2), ``y`` has another length, a label is not in ``0 .. K - 1``,
        or ``feature_names`` does not hold two names.

    Examples
    --------
    >>> fig = scatter_by_class([[0, 0], [1, 1], [2, 0]], [0, 1, 0], ["a", "b"], ("x", "y"))
    >>> len(fig.axes[0].collections)
    2
    """
    X = np.asarray(X, dtype=float)
    labels = np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n_samples, 2), got {X.shape}")
    if labels.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},), got {labels.shape}")
    n_classes = len(class_names)
    if labels.size and (not np.all(labels == np.round(labels)) or labels.min() < 0
                        or labels.max() >= n_classes):
        raise ValueError(f"labels in y must be whole numbers in 0 .. {n_classes - 1} "
                         f"(one per class name)")
    if len(feature_names) != 2:
        raise ValueError(f"feature_names must hold 2 names, got {len(feature_names)}")
    fig, ax = plt.subplots(figsize=(6, 4.5))
    for k, name in enumerate(class_names):
        rows = X[labels == k]  # (n_k, 2)
        ax.scatter(rows[:, 0], rows[:, 1], label=str(name), s=18, alpha=0.8)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    ax.legend(title="class")
    return fig


def iqr_outliers(x: ArrayLike, whis: float = 1.5) -> NDArray[np.float64]:
    r"""The values that a box plot draws as outliers ("fliers"): beyond ``whis`` IQRs.

    With the quartiles :math:`Q_1, Q_3` (``np.percentile`` with linear interpolation) and the
    inter-quartile range :math:`\mathrm{IQR} = Q_3 - Q_1`, a value is an outlier when

    .. math:: x_i < Q_1 - w\,\mathrm{IQR} \quad\text{or}\quad x_i > Q_3 + w\,\mathrm{IQR}

    Parameters
    ----------
    x : array_like, shape (n,)
        The values, at least one, finite.
    whis : float
        The whisker length :math:`w` in IQRs, ``>= 0`` (Tukey's 1.5 by default).

    Returns
    -------
    ndarray, shape (n_outliers,)
        The outliers, in their original order.

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D or not finite, or ``whis < 0``.

    Examples
    --------
    >>> iqr_outliers([1, 2, 3, 4, 100])
    array([100.])
    """
    values = _values(x)
    if not whis >= 0:  # also rejects NaN
        raise ValueError(f"whis must be >= 0, got {whis}")
    q1, q3 = np.percentile(values, [25, 75])
    iqr = q3 - q1
    outside = (values < q1 - whis * iqr) | (values > q3 + whis * iqr)
    return values[outside]


def boxplots(df: pd.DataFrame) -> Figure:
    r"""One box plot per numeric column of ``df``, side by side, with Tukey's 1.5 IQR whiskers.

    The box spans :math:`Q_1` to :math:`Q_3` with a line at the median; the whiskers reach the
    most extreme values within :math:`1.5\,\mathrm{IQR}` of the box; every value beyond them
    is drawn as a single point (a "flier"): exactly the values of :func:`iqr_outliers`.

    Parameters
    ----------
    df : pandas.DataFrame
        At least one numeric column; other columns are ignored.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes, one box per numeric column in column order, tick labels = column names.

    Raises
    ------
    ValueError
        If ``df`` is not a DataFrame or has no numeric column.

    Examples
    --------
    >>> import pandas as pd
    >>> fig = boxplots(pd.DataFrame({"a": [1, 2, 3, 4, 100], "b": [5, 6, 7, 8, 9]}))
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['a', 'b']
    """
    columns = _numeric_columns(df, at_least=1)
    fig, ax = plt.subplots(figsize=(max(4.0, 1.2 * len(columns) + 2), 4))
    with warnings.catch_warnings():
        # seaborn 0.13 passes Matplotlib 3.11 the deprecated `vert=`: not the caller's problem.
        warnings.simplefilter("ignore", MatplotlibDeprecationWarning)
        sns.boxplot(data=df[columns], whis=1.5, ax=ax)
    ax.set(ylabel="value", title="Box plots (points: beyond 1.5 IQR)")
    return fig


# --------------------------------------------------------------------------------------------
# Lesson 3: seaborn on DataFrames

def correlation_heatmap(df: pd.DataFrame) -> Figure:
    r"""A heatmap of the Pearson correlations between the numeric columns, annotated.

    Cell :math:`(i, j)` shows

    .. math:: r_{ij} = \frac{\sum_k (a_k - \bar a)(b_k - \bar b)}
              {\sqrt{\sum_k (a_k - \bar a)^2}\,\sqrt{\sum_k (b_k - \bar b)^2}}

    for columns :math:`a = i`, :math:`b = j` (``df.corr()`` on the numeric columns), written in
    the cell with two decimals, coloured on the diverging ``"coolwarm"`` map from -1 to 1, with
    a colour bar.

    Parameters
    ----------
    df : pandas.DataFrame
        At least two numeric columns; other columns (text, dates, booleans) are left out.

    Returns
    -------
    matplotlib.figure.Figure
        One heatmap Axes (tick labels = the numeric column names, on both axes) and a colour
        bar.

    Raises
    ------
    ValueError
        If ``df`` is not a DataFrame or has fewer than two numeric columns.

    Examples
    --------
    >>> import pandas as pd
    >>> fig = correlation_heatmap(pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1]}))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['1.00', '-1.00', '-1.00', '1.00']
    """
    columns = _numeric_columns(df, at_least=2)
    corr = df[columns].corr()  # (n_columns, n_columns)
    size = max(4.0, 0.7 * len(columns) + 2.5)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    sns.heatmap(corr, annot=True, fmt=".2f", cmap="coolwarm", vmin=-1, vmax=1, square=True,
                xticklabels=True, yticklabels=True, ax=ax)
    ax.set_title("Pearson correlation")
    return fig


def pair_plot(df: pd.DataFrame, hue: str | None = None) -> Figure:
    r"""A pair plot: every numeric column against every other, distributions on the diagonal.

    For :math:`p` numeric columns (``hue`` excluded) this is a :math:`p \times p` grid: panel
    :math:`(i, j)`, :math:`i \ne j`, is the scatter plot of column :math:`j` (x) against
    column :math:`i` (y); the diagonal shows each column's distribution. With ``hue``, the
    points are coloured by that column and a legend lists its values.

    Parameters
    ----------
    df : pandas.DataFrame
        At least two numeric columns besides ``hue``.
    hue : str, optional
        The name of the column that colours the points (a class label).

    Returns
    -------
    matplotlib.figure.Figure
        The pair grid's figure (``sns.pairplot(...).figure``).

    Raises
    ------
    ValueError
        If ``df`` is not a DataFrame, ``hue`` is not one of its columns, or it has fewer than
        two numeric columns besides ``hue``.

    Examples
    --------
    >>> import pandas as pd
    >>> fig = pair_plot(pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]}))
    >>> sum(len(ax.collections) > 0 for ax in fig.axes)  # the 2 off-diagonal scatter panels
    2
    """
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    if hue is not None and hue not in df.columns:
        raise ValueError(f"hue {hue!r} is not a column of df: {list(df.columns)}")
    columns = _numeric_columns(df, at_least=2, exclude=() if hue is None else (hue,))
    grid = sns.pairplot(df, vars=columns, hue=hue, height=2.0, plot_kws={"s": 12})
    return grid.figure
