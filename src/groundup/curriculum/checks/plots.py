"""Checks for the visualisation exercises: the learner's figure, read back as data.

The learner's function returns a Matplotlib figure; it is rendered to PNG (Agg) in the
learner's process, which proves that it draws, and comes back as a
:class:`~groundup.grading.wire.FigureInfo`: the axes, labels, bars, lines, point collections,
texts, legends and colour bars it holds. The predicates here compare those with what NumPy,
pandas and Matplotlib's own statistics say the picture must show (``np.histogram``,
``DataFrame.corr``, ``matplotlib.cbook.boxplot_stats``): never pixels, and never groundup's
own output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import cbook
from sklearn.datasets import load_diabetes, load_iris, load_wine

from groundup.grading.spec import Case, Check, compare_values, figure_check, raises, satisfies

Predicate = Callable[[Case, Any], "str | None"]
NO_LINE = ("None", "none", "", " ")  # how Matplotlib spells "no line style" / "no marker"


# --------------------------------------------------------------------------------------------
# Helpers shared by the predicates

def _one_axes(info: Any) -> tuple[dict[str, Any] | None, str | None]:
    """The figure's only plotting Axes, or a message saying how many there are."""
    if len(info.axes) != 1:
        return None, (f"expected a figure with one Axes (`fig, ax = plt.subplots()`), found "
                      f"{len(info.axes)}")
    return info.axes[0], None


def _same_text(received: str, expected: str) -> bool:
    return received.strip().lower() == expected.strip().lower()


def _axis_label(ax: dict[str, Any], axis: str, expected: str) -> str | None:
    received = ax[f"{axis}label"]
    if not received:
        return f"the {axis}-axis has no label: `ax.set_{axis}label({expected!r})`"
    if not _same_text(received, expected):
        return f"the {axis}-axis is labelled {received!r}, expected {expected!r}"
    return None


def _num(value: float) -> str:
    return f"{value:.6g}"


def _frame_label(df: pd.DataFrame, what: str) -> str:
    return f"{what}: a DataFrame of shape {df.shape}, columns {list(df.columns)}"


def _numeric(df: pd.DataFrame, exclude: Sequence[str] = ()) -> list[Any]:
    return [c for c in df.columns if c not in exclude
            and pd.api.types.is_numeric_dtype(df[c].dtype)
            and not pd.api.types.is_bool_dtype(df[c].dtype)]


# --------------------------------------------------------------------------------------------
# viz.histogram

def _histogram_bars(hidden: bool) -> Predicate:
    def predicate(case: Case, info: Any) -> str | None:
        x, bins = case.args[0], case.args[1]
        counts, edges = np.histogram(np.asarray(x, dtype=float), bins)
        ax, msg = _one_axes(info)
        if ax is None:
            return msg
        bars = sorted((p for p in ax["patches"] if p["type"] == "Rectangle" and p["visible"]),
                      key=lambda p: p["x"])
        if not bars:
            kinds = sorted({p["type"] for p in ax["patches"]})
            extra = f" (found {kinds}: use the default histtype='bar')" if kinds else ""
            return f"the histogram has no bars{extra}: draw it with `ax.hist(x, bins=bins)`"
        if len(bars) != counts.size:
            return (f"expected {counts.size} bars (one per bin), found {len(bars)}: pass `bins` "
                    "to ax.hist as it is (a count or the edges)")
        for b, bar in enumerate(bars):
            left, right = bar["x"], bar["x"] + bar["width"]
            if not (np.isclose(left, edges[b], rtol=1e-9, atol=1e-12)
                    and np.isclose(right, edges[b + 1], rtol=1e-9, atol=1e-12)):
                where = "is not on its bin's edges" if hidden else (
                    f"spans {_num(left)} to {_num(right)}, expected the bin "
                    f"[{_num(edges[b])}, {_num(edges[b + 1])}]")
                return f"bar {b} {where}"
            if not np.isclose(bar["height"], counts[b], rtol=0, atol=1e-9):
                if hidden:
                    return (f"bar {b} has height {_num(bar['height'])}, which is not the number of "
                            "values in its bin")
                return (f"bar {b} (from {_num(left)} to {_num(right)}) has height "
                        f"{_num(bar['height'])}, expected {int(counts[b])} (the number of values "
                        "in that bin)")
        return None

    return predicate


def _histogram_labels(case: Case, info: Any) -> str | None:
    ax, msg = _one_axes(info)
    if ax is None:
        return msg
    xlabel = case.kwargs.get("xlabel", case.args[2] if len(case.args) > 2 else "value")
    return _axis_label(ax, "x", xlabel) or _axis_label(ax, "y", "count")


def histogram() -> list[Check]:
    rng = np.random.default_rng(10)
    heights = rng.normal(170.0, 9.0, size=300)
    dice = rng.integers(1, 7, size=120).astype(float)
    hidden_x = rng.exponential(2.0, size=400)
    hidden_edges = np.concatenate([[0.0], np.sort(rng.uniform(0.1, 6.0, size=7)), [7.5]])
    return [
        Check("10 equal bins", [Case(heights, 10, "height (cm)"), Case(dice, 3, "dice")],
              expect=figure_check(_histogram_bars(hidden=False)),
              hint="`fig, ax = plt.subplots()`, then `ax.hist(x, bins=bins)`; each bar's height "
                   "is the number of values in its bin."),
        Check("bin edges given", [Case(dice, np.arange(0.5, 7.0), "dice"),
                                  Case(heights, [140.0, 160.0, 165.0, 170.0, 175.0, 200.0],
                                       "height (cm)")],
              expect=figure_check(_histogram_bars(hidden=False)),
              hint="A list of edges makes len(edges) - 1 bins, possibly of different widths."),
        Check("values on the last edge",
              [Case(np.array([0.0, 1.0, 1.0, 2.0, 3.0, 3.0]), [0.0, 1.0, 2.0, 3.0], "x")],
              expect=figure_check(_histogram_bars(hidden=False)),
              hint="Each bin is [left, right) except the last, which also holds its right "
                   "edge: np.histogram and ax.hist agree on that, a hand-made count may not."),
        Check("a single value", [Case([3.0], 1, "x")],
              expect=figure_check(_histogram_bars(hidden=False)),
              hint="One value and one bin: one bar of height 1."),
        Check("axis labels", [Case(heights, 10, "height (cm)")],
              expect=figure_check(_histogram_labels),
              hint="`ax.set_xlabel(xlabel)` and `ax.set_ylabel('count')`."),
        Check("invalid input", [Case([], 5, "x"), Case(heights, 0, "x"),
                                Case(heights, [150.0, 170.0, 160.0], "x"), Case(heights, [1.0], "x")],
              expect=raises(ValueError),
              hint="Raise ValueError for no data, bins < 1, or edges that are not at least two "
                   "strictly increasing numbers (`np.all(np.diff(edges) > 0)`)."),
        Check("uneven bins, values outside them", [Case(hidden_x, hidden_edges, "waiting time")],
              expect=figure_check(_histogram_bars(hidden=True)), hidden=True,
              hint="Values outside the first and last edge are not counted; bins may differ in "
                   "width."),
    ]


# --------------------------------------------------------------------------------------------
# viz.training_curve

def _find_line(ax: dict[str, Any], label: str) -> dict[str, Any] | None:
    return next((line for line in ax["lines"] if _same_text(line["label"], label)), None)


def _training_curve_data(hidden: bool) -> Predicate:
    def predicate(case: Case, info: Any) -> str | None:
        train, val = (np.asarray(a, dtype=float) for a in case.args[:2])
        log_scale = case.kwargs.get("log_scale", case.args[2] if len(case.args) > 2 else False)
        epochs = np.arange(1, train.size + 1)
        ax, msg = _one_axes(info)
        if ax is None:
            return msg
        for label, losses in (("train", train), ("validation", val)):
            line = _find_line(ax, label)
            if line is None:
                found = [line["label"] for line in ax["lines"] if not line["label"].startswith("_")]
                return (f"no line is labelled {label!r} (labels found: {found}): "
                        f"`ax.plot(epochs, losses, label={label!r})`")
            msg = compare_values(epochs, line["xdata"], hidden=hidden,
                                 what=f"x data (epochs) of the {label!r} line")
            if msg:
                return msg + " (epochs are counted from 1)"
            msg = compare_values(losses, line["ydata"], hidden=hidden,
                                 what=f"y data of the {label!r} line")
            if msg:
                return msg
        best = int(np.argmin(val)) + 1
        others = [line for line in ax["lines"]
                  if not _same_text(line["label"], "train")
                  and not _same_text(line["label"], "validation")]
        vertical = [line for line in others if line["xdata"] is not None and line["xdata"].size >= 2
                    and np.ptp(line["xdata"]) == 0]
        if not vertical:
            return "no vertical line marks the best epoch: `ax.axvline(best_epoch, linestyle='--')`"
        if not any(np.isclose(line["xdata"][0], best) for line in vertical):
            if hidden:
                return ("the vertical line is not at the epoch with the lowest validation loss")
            at = ", ".join(_num(line["xdata"][0]) for line in vertical)
            return (f"the vertical line is at epoch {at}, expected {best}, the first epoch with "
                    "the lowest validation loss")
        scale = "log" if log_scale else "linear"
        if ax["yscale"] != scale:
            return (f"the loss axis has a {ax['yscale']!r} scale, expected {scale!r}"
                    + (": `ax.set_yscale('log')`" if log_scale else ""))
        return None

    return predicate


def _training_curve_labels(case: Case, info: Any) -> str | None:
    ax, msg = _one_axes(info)
    if ax is None:
        return msg
    msg = _axis_label(ax, "x", "epoch") or _axis_label(ax, "y", "loss")
    if msg:
        return msg
    if not ax["title"]:
        return "the plot has no title: `ax.set_title('Training curve')`"
    if not _same_text(ax["title"], "Training curve"):
        return f"the title is {ax['title']!r}, expected 'Training curve'"
    if ax["legend"] is None:
        return "the plot has no legend: call `ax.legend()` after drawing the labelled lines"
    labels = [t.strip().lower() for t in ax["legend"]["labels"]]
    missing = [name for name in ("train", "validation") if name not in labels]
    if missing:
        return f"the legend lists {ax['legend']['labels']}, but not {missing}"
    return None


def _curves(rng: np.random.Generator, num_epochs: int, overfit_at: int) -> tuple[Any, Any]:
    """A plausible pair of loss curves: validation loss turns up after ``overfit_at``."""
    t = np.arange(1, num_epochs + 1)
    train = 2.0 * np.exp(-t / 8.0) + 0.05 + 0.02 * rng.random(num_epochs)
    val = train + 0.1 + 0.004 * np.maximum(t - overfit_at, 0) ** 2 + 0.02 * rng.random(num_epochs)
    return train, val


def training_curve() -> list[Check]:
    rng = np.random.default_rng(11)
    train, val = _curves(rng, 30, 12)
    train_h, val_h = _curves(rng, 57, 31)
    return [
        Check("30 epochs", [Case(train, val)], expect=figure_check(_training_curve_data(False)),
              hint="`epochs = np.arange(1, len(train_loss) + 1)`; plot both curves against it "
                   "with labels 'train' and 'validation'; `ax.axvline` at the best epoch."),
        Check("the best epoch is the first minimum",
              [Case([1.0, 0.8, 0.6, 0.5], [1.2, 0.9, 0.9, 1.0]),
               Case([0.5, 0.4, 0.3], [0.7, 0.6, 0.6]), Case([0.9], [1.0])],
              expect=figure_check(_training_curve_data(False)),
              hint="Best = lowest *validation* loss, first one on a tie: "
                   "`int(np.argmin(val_loss)) + 1` (epochs count from 1)."),
        Check("log scale", [Case(train, val, log_scale=True)],
              expect=figure_check(_training_curve_data(False)),
              hint="Losses shrink by orders of magnitude: `ax.set_yscale('log')` when log_scale."),
        Check("labels, title and legend", [Case(train, val)],
              expect=figure_check(_training_curve_labels),
              hint="`ax.set(xlabel='epoch', ylabel='loss', title='Training curve')`, then "
                   "`ax.legend()`."),
        Check("invalid input", [Case([1.0, 0.5], [1.0]), Case([], []),
                                Case([1.0, 0.0], [1.0, 0.5], log_scale=True)],
              expect=raises(ValueError),
              hint="Raise ValueError when the lengths differ, there are no epochs, or a log "
                   "scale is asked for with a loss <= 0."),
        Check("a longer run", [Case(train_h, val_h), Case(train_h, val_h, log_scale=True)],
              expect=figure_check(_training_curve_data(True)), hidden=True,
              hint="Epochs from 1 to num_epochs; the best epoch is where the validation loss is "
                   "lowest."),
    ]


# --------------------------------------------------------------------------------------------
# viz.scatter_by_class

def _scatter_groups(hidden: bool) -> Predicate:
    def predicate(case: Case, info: Any) -> str | None:
        X, y, names = np.asarray(case.args[0], dtype=float), np.asarray(case.args[1]), case.args[2]
        ax, msg = _one_axes(info)
        if ax is None:
            return msg
        groups = [c for c in ax["collections"] if c["type"] == "PathCollection"]
        if len(groups) != len(names):
            return (f"expected {len(names)} scatter groups (one `ax.scatter` call per class), "
                    f"found {len(groups)}")
        for k, (name, group) in enumerate(zip(names, groups, strict=True)):
            expected = X[y == k]  # (n_k, 2)
            offsets = group["offsets"]
            received = np.zeros((0, 2)) if offsets is None else np.asarray(offsets).reshape(-1, 2)
            if received.shape[0] != expected.shape[0]:
                return (f"scatter group {k} ({name!r}) has {received.shape[0]} points, expected "
                        f"{expected.shape[0]}: the rows of X where y == {k}")
            msg = compare_values(expected, received, hidden=hidden,
                                 what=f"array of points of group {k} ({name!r})")
            if msg:
                return msg + " (column 0 of X goes on the x-axis, column 1 on the y-axis)"
        return None

    return predicate


def _scatter_legend(case: Case, info: Any) -> str | None:
    names, features = [str(n) for n in case.args[2]], case.args[3]
    ax, msg = _one_axes(info)
    if ax is None:
        return msg
    if ax["legend"] is None:
        return "the plot has no legend: give each scatter `label=name`, then call `ax.legend()`"
    if ax["legend"]["labels"] != names:
        return f"the legend reads {ax['legend']['labels']}, expected the class names {names}"
    return _axis_label(ax, "x", features[0]) or _axis_label(ax, "y", features[1])


def scatter_by_class() -> list[Check]:
    iris = load_iris()
    wine = load_wine()
    rng = np.random.default_rng(12)
    centres = np.array([[0.0, 0.0], [4.0, 1.0], [1.0, 5.0], [5.0, 5.0]])
    y_blobs = rng.permutation(np.repeat(np.arange(4), [30, 10, 25, 15]))
    X_blobs = centres[y_blobs] + rng.normal(size=(y_blobs.size, 2))
    iris_case = Case(iris.data[:, 2:4], iris.target, [str(n) for n in iris.target_names],
                     ("petal length (cm)", "petal width (cm)"),
                     label="iris petals: X (150, 2), y in {0, 1, 2}, 3 class names")
    wine_case = Case(wine.data[:, [0, 9]], wine.target, ["cultivar A", "cultivar B", "cultivar C"],
                     ("alcohol", "colour intensity"),
                     label="wine: alcohol vs colour intensity, y in {0, 1, 2}")
    return [
        Check("iris petals", [iris_case], expect=figure_check(_scatter_groups(False)),
              hint="For each class k: `rows = X[y == k]`, then "
                   "`ax.scatter(rows[:, 0], rows[:, 1], label=class_names[k])`."),
        Check("two classes out of order", [Case([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0]],
                                               [1, 0, 1, 0], ["no", "yes"], ("a", "b"))],
              expect=figure_check(_scatter_groups(False)),
              hint="Draw class 0 first, then class 1, ... whatever order the rows come in."),
        Check("wine", [wine_case], expect=figure_check(_scatter_groups(False)),
              hint="One group per class name, in the order of class_names."),
        Check("legend and axis labels", [iris_case], expect=figure_check(_scatter_legend),
              hint="`ax.legend()` lists the scatter labels; `ax.set_xlabel(feature_names[0])`, "
                   "`ax.set_ylabel(feature_names[1])`."),
        Check("invalid input",
              [Case(np.ones((4, 3)), [0, 1, 0, 1], ["a", "b"], ("x", "y")),
               Case(np.ones((4, 2)), [0, 1, 0], ["a", "b"], ("x", "y")),
               Case(np.ones((4, 2)), [0, 1, 2, 1], ["a", "b"], ("x", "y"))],
              expect=raises(ValueError),
              hint="Raise ValueError when X is not (n, 2), y has another length, or a label is "
                   "not in 0 .. len(class_names) - 1."),
        Check("four shuffled classes",
              [Case(X_blobs, y_blobs, ["north", "east", "south", "west"], ("u", "v"))],
              expect=figure_check(_scatter_groups(True)), hidden=True,
              hint="Select each class with a boolean mask `y == k`; keep the rows in order."),
    ]


# --------------------------------------------------------------------------------------------
# viz.boxplots

def _fliers(x: Any, whis: float = 1.5) -> np.ndarray:
    """The outliers Matplotlib draws for ``x``, from its own box-plot statistics (sorted)."""
    return np.sort(cbook.boxplot_stats(np.asarray(x, dtype=float), whis=whis)[0]["fliers"])


def _outliers_match(hidden: bool) -> Predicate:
    def predicate(case: Case, value: Any) -> str | None:
        expected = _fliers(*case.args, **case.kwargs)
        if value is None:
            return "your function returned None: did you forget `return`?"
        try:
            received = np.sort(np.asarray(value, dtype=float).ravel())
        except (TypeError, ValueError):
            return f"the result should be an array of numbers, not {type(value).__name__}"
        if received.size != expected.size:
            if hidden:
                return f"found {received.size} outliers, which is not the right number"
            return (f"found {received.size} outliers, expected {expected.size} (the values below "
                    "Q1 - whis * IQR or above Q3 + whis * IQR)")
        return compare_values(expected, received, hidden=hidden, what="sorted array of outliers")

    return predicate


def _is_flier(line: dict[str, Any]) -> bool:
    return line["marker"] not in NO_LINE and line["linestyle"] in NO_LINE


def _boxplot_predicate(hidden: bool) -> Predicate:
    def predicate(case: Case, info: Any) -> str | None:
        df = case.args[0]
        columns = _numeric(df)
        ax, msg = _one_axes(info)
        if ax is None:
            return msg
        ticks = [t for t in ax["xticklabels"] if t]
        if ticks != [str(c) for c in columns]:
            return (f"the x tick labels are {ticks}, expected the numeric columns "
                    f"{[str(c) for c in columns]} (one box per column, named)")
        fliers = [line for line in ax["lines"] if _is_flier(line)]
        if not fliers:
            return ("no outlier points (fliers) are drawn: keep `showfliers=True` and the default "
                    "whiskers, whis=1.5")
        if len(fliers) != len(columns):
            return (f"expected {len(columns)} sets of outlier points (one per box), found "
                    f"{len(fliers)}")
        for i, (column, line) in enumerate(zip(columns, fliers, strict=True)):
            expected = _fliers(df[column].to_numpy(dtype=float))
            received = np.sort(np.asarray(line["ydata"], dtype=float))
            if received.size != expected.size:
                if hidden:
                    return f"box {i} ({column!r}) shows {received.size} outlier points: not 1.5 IQR"
                return (f"box {i} ({column!r}) shows {received.size} outlier points, expected "
                        f"{expected.size}: those beyond 1.5 IQR from the box (whis=1.5)")
            msg = compare_values(expected, received, hidden=hidden,
                                 what=f"sorted array of outlier points of box {i} ({column!r})")
            if msg:
                return msg
        return None

    return predicate


def boxplots() -> list[Check]:
    rng = np.random.default_rng(13)
    diabetes = load_diabetes(as_frame=True).data[["bmi", "bp", "s1", "s3", "s4", "s6"]]
    planted = pd.DataFrame({
        "name": [f"p{i}" for i in range(60)],
        "income": np.concatenate([rng.normal(50.0, 8.0, 57), [120.0, 140.0, -10.0]]),
        "age": rng.integers(20, 65, 60).astype(float),
        "visits": np.concatenate([rng.poisson(3.0, 58), [25, 30]]).astype(float),
    })
    heavy = pd.DataFrame({f"t{k}": rng.standard_t(df=2, size=200) * (k + 1) for k in range(4)})
    small = rng.normal(size=40)
    return [
        Check("outliers of small lists",
              [Case([1.0, 2.0, 3.0, 4.0, 100.0]), Case([-50.0, 1.0, 2.0, 3.0, 4.0]),
               Case(np.arange(1.0, 11.0))],
              expect=satisfies(_outliers_match(False)), function="iqr_outliers",
              hint="`q1, q3 = np.percentile(x, [25, 75])`; `iqr = q3 - q1`; keep the values "
                   "below q1 - 1.5 * iqr or above q3 + 1.5 * iqr."),
        Check("whisker length", [Case(small, whis=0.0), Case(small, whis=0.5),
                                 Case(np.append(small, 6.0), whis=3.0)],
              expect=satisfies(_outliers_match(False)), function="iqr_outliers",
              hint="whis scales the IQR: the fences are q1 - whis * iqr and q3 + whis * iqr."),
        Check("invalid outlier input", [Case([]), Case([1.0, 2.0], whis=-1.0)],
              expect=raises(ValueError), function="iqr_outliers",
              hint="Raise ValueError for no data or a negative whis."),
        Check("diabetes features",
              [Case(diabetes, label=_frame_label(diabetes, "six diabetes features"))],
              expect=figure_check(_boxplot_predicate(False)), function="boxplots",
              hint="`sns.boxplot(data=df[numeric_columns], ax=ax)` draws one box per column and "
                   "its fliers with whis=1.5."),
        Check("planted outliers, a text column",
              [Case(planted, label=_frame_label(planted, "planted outliers"))],
              expect=figure_check(_boxplot_predicate(False)), function="boxplots",
              hint="Keep only the numeric columns: `df.select_dtypes('number')`."),
        Check("no numeric column", [Case(pd.DataFrame({"name": ["a", "b"]}))],
              expect=raises(ValueError), function="boxplots",
              hint="Raise ValueError when there is nothing to draw."),
        Check("heavy tails", [Case(heavy, label=_frame_label(heavy, "heavy-tailed samples"))],
              expect=figure_check(_boxplot_predicate(True)), function="boxplots", hidden=True,
              hint="Each box gets its own quartiles and fences."),
        Check("outliers of heavy tails", [Case(heavy["t2"].to_numpy()), Case(small * 5, whis=1.0)],
              expect=satisfies(_outliers_match(True)), function="iqr_outliers", hidden=True,
              hint="Linear-interpolation quartiles (np.percentile's default)."),
    ]


# --------------------------------------------------------------------------------------------
# viz.correlation_heatmap

def _heatmap_predicate(hidden: bool) -> Predicate:
    def predicate(case: Case, info: Any) -> str | None:
        df = case.args[0]
        columns = _numeric(df)
        corr = df[columns].corr().to_numpy()  # (k, k)
        k = len(columns)
        ax, msg = _one_axes(info)
        if ax is None:
            return msg
        meshes = [c for c in ax["collections"] if c["type"] == "QuadMesh" and c["array"] is not None]
        if not meshes:
            return "no heatmap found: draw it with `sns.heatmap(corr, ax=ax)`"
        cells = np.asarray(meshes[0]["array"])
        if cells.shape != (k, k):
            return (f"the heatmap has {cells.shape} cells, expected ({k}, {k}): one row and one "
                    "column per numeric column")
        msg = compare_values(corr, cells, rtol=1e-6, atol=1e-9, hidden=hidden,
                             what="heatmap's matrix of cell values (the Pearson correlations)")
        if msg:
            return msg
        names = [str(c) for c in columns]
        for axis in ("x", "y"):
            ticks = [t for t in ax[f"{axis}ticklabels"] if t]
            if ticks != names:
                return (f"the {axis} tick labels are {ticks}, expected the column names {names}"
                        + (" (pass xticklabels=True, yticklabels=True)" if len(ticks) < k else ""))
        if info.colorbars != 1:
            return (f"expected one colour bar, found {info.colorbars}: keep sns.heatmap's "
                    "cbar=True")
        annotations = []
        for text in ax["texts"]:
            try:
                annotations.append((float(text["text"].replace("\u2212", "-")), text))
            except ValueError:
                continue
        if len(annotations) != k * k:
            return (f"expected {k * k} annotations (one number per cell, `annot=True`), found "
                    f"{len(annotations)}")
        for value, text in annotations:
            i, j = int(np.floor(text["y"])), int(np.floor(text["x"]))
            if not (0 <= i < k and 0 <= j < k):
                return f"an annotation ({text['text']!r}) lies outside the heatmap's cells"
            if abs(value - corr[i, j]) > 0.0051:
                if hidden:
                    return f"the annotation in cell ({i}, {j}) does not show its correlation"
                return (f"the annotation in cell ({i}, {j}) reads {text['text']!r}, expected "
                        f"{corr[i, j]:.2f} (`fmt='.2f'`)")
        cmap = meshes[0]["cmap"]
        if cmap != "coolwarm":
            return (f"the colour map is {cmap!r}, expected the diverging 'coolwarm' "
                    "(`cmap='coolwarm'`): -1 and +1 should look opposite, 0 neutral")
        clim = meshes[0].get("clim")
        if clim is not None and (clim[0] is None or clim[1] is None
                                 or abs(clim[0] + 1) > 1e-9 or abs(clim[1] - 1) > 1e-9):
            return (f"the colour scale runs from {clim[0]:.3g} to {clim[1]:.3g}; fix it to the whole "
                    "range of a correlation with `vmin=-1, vmax=1`, so that 0 is always the "
                    "neutral colour")
        return None

    return predicate


def correlation_heatmap() -> list[Check]:
    rng = np.random.default_rng(14)
    iris = load_iris(as_frame=True).data
    wine = load_wine(as_frame=True).data.iloc[:, :7]
    z = rng.normal(size=(80, 3))
    mixed = pd.DataFrame({
        "city": rng.choice(["Lyon", "Oslo", "Lima"], size=80),
        "a": z[:, 0], "b": 0.8 * z[:, 0] + 0.6 * z[:, 1], "c": -z[:, 0] + 0.3 * z[:, 2],
        "active": rng.random(80) > 0.5, "d": z[:, 2] ** 2,
    })
    return [
        Check("iris measurements", [Case(iris, label=_frame_label(iris, "iris"))],
              expect=figure_check(_heatmap_predicate(False)),
              hint="`corr = df.corr()`, then `sns.heatmap(corr, annot=True, fmt='.2f', "
                   "cmap='coolwarm', vmin=-1, vmax=1, ax=ax)`."),
        Check("two columns", [Case(pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0],
                                                 "y": [2.0, 1.0, 4.0, 3.0]}))],
              expect=figure_check(_heatmap_predicate(False)),
              hint="A 2 x 2 matrix with 1 on the diagonal."),
        Check("seven wine features", [Case(wine, label=_frame_label(wine, "wine, 7 features"))],
              expect=figure_check(_heatmap_predicate(False)),
              hint="With many columns seaborn may skip tick labels: `xticklabels=True, "
                   "yticklabels=True` shows them all."),
        Check("fewer than two numeric columns",
              [Case(pd.DataFrame({"x": [1.0, 2.0]})),
               Case(pd.DataFrame({"name": ["a", "b"], "x": [1.0, 2.0]}))],
              expect=raises(ValueError),
              hint="A correlation needs two columns: raise ValueError otherwise."),
        Check("text and boolean columns", [Case(mixed, label=_frame_label(mixed, "mixed dtypes"))],
              expect=figure_check(_heatmap_predicate(True)), hidden=True,
              hint="Only numeric columns (booleans are not measurements): "
                   "`df.select_dtypes('number')`."),
    ]


# --------------------------------------------------------------------------------------------
# viz.pair_plot

DIAGONAL_LABELS = {"", "Count", "Density", "Frequency", "Proportion", "Percent"}


def _pair_plot_predicate(hidden: bool) -> Predicate:
    def predicate(case: Case, info: Any) -> str | None:
        df = case.args[0]
        hue = case.kwargs.get("hue", case.args[1] if len(case.args) > 1 else None)
        columns = _numeric(df, exclude=() if hue is None else (hue,))
        k = len(columns)
        panels = []
        for ax in info.axes:
            points = [c for c in ax["collections"] if c["type"] == "PathCollection"
                      and c["offsets"] is not None and np.asarray(c["offsets"]).size > 0]
            if points:
                panels.append((ax, np.concatenate([np.asarray(c["offsets"]).reshape(-1, 2)
                                                   for c in points])))
        if len(panels) != k * (k - 1):
            advice = ""
            if len(panels) > k * (k - 1):
                advice = " (is the hue column drawn as a variable? pass hue=..., or vars=...)"
            elif len(panels) == k * (k - 1) // 2:
                advice = " (corner=True leaves out half of the grid)"
            return (f"expected {k * (k - 1)} scatter panels (a {k} x {k} grid without its "
                    f"diagonal), found {len(panels)}{advice}")
        for i, y_col in enumerate(columns):
            for j, x_col in enumerate(columns):
                if i == j:
                    continue
                expected = df[[x_col, y_col]].to_numpy(dtype=float)  # (n, 2)
                if not any(points.shape == expected.shape and np.allclose(points, expected)
                           for _, points in panels):
                    return f"no panel plots {x_col!r} (x) against {y_col!r} (y) with every row"
        labels = {ax["xlabel"] for ax in info.axes} | {ax["ylabel"] for ax in info.axes}
        missing = [str(c) for c in columns if str(c) not in labels]
        if missing:
            return f"no axis is labelled {missing}: the grid's axes should name the columns"
        if hue is None:
            return None
        levels = [str(v) for v in sorted(pd.unique(df[hue].dropna()))]
        legends = list(info.data.get("figure_legends", [])) + [
            ax["legend"]["labels"] for ax in info.axes if ax["legend"] is not None]
        if not legends:
            return f"no legend for {hue!r}: pass `hue={hue!r}` to sns.pairplot"
        if not any(sorted(labels) == sorted(levels) for labels in legends):
            if hidden:
                return f"the legend does not list the values of {hue!r}"
            return f"the legend lists {legends[0]}, expected the values of {hue!r}: {levels}"
        for ax, _ in panels:
            colours = [np.asarray(c["facecolors"]) for c in ax["collections"]
                       if c["type"] == "PathCollection" and c["facecolors"] is not None]
            n_colours = len({tuple(np.round(row, 3)) for fc in colours for row in fc.reshape(-1, 4)})
            if n_colours != len(levels):
                return (f"the points have {n_colours} colour(s), expected {len(levels)} (one per "
                        f"value of {hue!r})")
        return None

    return predicate


def pair_plot() -> list[Check]:
    rng = np.random.default_rng(15)
    bunch = load_iris(as_frame=True)
    iris = bunch.data.assign(species=bunch.target.map(dict(enumerate(bunch.target_names))))
    z = rng.normal(size=(40, 3))
    small = pd.DataFrame({"height": 170 + 8 * z[:, 0], "weight": 70 + 6 * z[:, 0] + 4 * z[:, 1],
                          "age": 40 + 10 * z[:, 2]})
    wine_bunch = load_wine(as_frame=True)
    wine = wine_bunch.data[["alcohol", "flavanoids", "proline"]].assign(
        cultivar=wine_bunch.target)
    return [
        Check("three columns, no hue", [Case(small, label=_frame_label(small, "40 people"))],
              expect=figure_check(_pair_plot_predicate(False)),
              hint="`grid = sns.pairplot(df)`; return `grid.figure`."),
        Check("iris coloured by species",
              [Case(iris, hue="species", label=_frame_label(iris, "iris") + ", hue = 'species'")],
              expect=figure_check(_pair_plot_predicate(False)),
              hint="`sns.pairplot(df, hue=hue)` colours the points and adds a legend; the hue "
                   "column itself is not a panel."),
        Check("invalid input",
              [Case(small, hue="sex"), Case(small[["age"]]),
               Case(iris[["petal length (cm)", "species"]], hue="species")],
              expect=raises(ValueError),
              hint="Raise ValueError when hue is not a column, or fewer than two numeric "
                   "columns remain besides it."),
        Check("wine coloured by an integer class",
              [Case(wine, hue="cultivar", label=_frame_label(wine, "wine") + ", hue = 'cultivar'")],
              expect=figure_check(_pair_plot_predicate(True)), hidden=True,
              hint="A numeric hue column is a label, not a variable: leave it out of the grid."),
    ]
