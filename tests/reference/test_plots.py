"""groundup.plots against NumPy, pandas and Matplotlib's own statistics.

Each figure is read back through Matplotlib's artists (bars, lines, collections, texts), and
what it draws is compared with ``np.histogram``, ``np.percentile``,
``matplotlib.cbook.boxplot_stats`` and ``DataFrame.corr``.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import io  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import cbook  # noqa: E402
from matplotlib.collections import PathCollection, QuadMesh  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from numpy.testing import assert_allclose, assert_array_equal  # noqa: E402
from sklearn.datasets import load_diabetes, load_iris, load_wine  # noqa: E402

from groundup import plots  # noqa: E402

RNG = np.random.default_rng(0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _draws(fig: Figure) -> None:
    """The figure renders to PNG without error."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=30)
    assert buffer.tell() > 1000


# --------------------------------------------------------------------------------------------
# histogram

@pytest.mark.parametrize("bins", [1, 7, 30, [0.0, 0.5, 2.0, 2.1, 6.0], np.linspace(-1, 9, 12)])
def test_histogram_bars_match_numpy(bins):
    x = RNG.exponential(1.5, size=500)
    fig = plots.histogram(x, bins, xlabel="waiting time")
    counts, edges = np.histogram(x, bins)
    (ax,) = fig.axes
    bars = sorted((p for p in ax.patches if isinstance(p, Rectangle)), key=lambda p: p.get_x())
    assert_array_equal([b.get_height() for b in bars], counts)
    assert_allclose([b.get_x() for b in bars], edges[:-1], rtol=1e-12)
    assert_allclose([b.get_x() + b.get_width() for b in bars], edges[1:], rtol=1e-12)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("waiting time", "count")
    _draws(fig)


def test_histogram_counts_the_last_edge():
    fig = plots.histogram([0.0, 1.0, 3.0, 3.0], [0.0, 1.0, 2.0, 3.0])
    assert [p.get_height() for p in fig.axes[0].patches] == [1, 1, 2]


@pytest.mark.parametrize(("x", "bins"), [([], 3), ([1.0, 2.0], 0), ([1.0, 2.0], 2.5),
                                         ([1.0], [2.0, 1.0]), ([1.0], [1.0]),
                                         ([1.0, np.nan], 3), (np.ones((2, 2)), 3)])
def test_histogram_invalid(x, bins):
    with pytest.raises(ValueError):
        plots.histogram(x, bins)


# --------------------------------------------------------------------------------------------
# training curve

@pytest.mark.parametrize("log_scale", [False, True])
def test_training_curve_lines_and_best_epoch(log_scale):
    train = np.exp(-np.arange(25) / 5) + 0.1
    val = train + 0.05 + 0.002 * np.maximum(np.arange(25) - 10, 0) ** 2
    fig = plots.training_curve(train, val, log_scale=log_scale)
    (ax,) = fig.axes
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert_array_equal(lines["train"].get_xdata(), np.arange(1, 26))
    assert_array_equal(lines["train"].get_ydata(), train)
    assert_array_equal(lines["validation"].get_ydata(), val)
    assert_array_equal(lines["best epoch"].get_xdata(), [np.argmin(val) + 1] * 2)
    assert ax.get_yscale() == ("log" if log_scale else "linear")
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("epoch", "loss", "Training curve")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["train", "validation",
                                                                    "best epoch"]
    _draws(fig)


def test_training_curve_first_minimum_wins():
    fig = plots.training_curve([3.0, 2.0, 1.0, 0.5], [2.0, 1.0, 1.0, 1.5])
    best = [line for line in fig.axes[0].get_lines() if line.get_label() == "best epoch"][0]
    assert best.get_xdata()[0] == 2


@pytest.mark.parametrize(("train", "val", "log"), [([1.0], [1.0, 2.0], False), ([], [], False),
                                                   ([1.0, -1.0], [1.0, 1.0], True)])
def test_training_curve_invalid(train, val, log):
    with pytest.raises(ValueError):
        plots.training_curve(train, val, log_scale=log)


# --------------------------------------------------------------------------------------------
# scatter by class

def test_scatter_by_class_on_iris():
    iris = load_iris()
    X, y = iris.data[:, [0, 2]], iris.target
    fig = plots.scatter_by_class(X, y, list(iris.target_names), ("sepal length", "petal length"))
    (ax,) = fig.axes
    groups = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(groups) == 3
    for k, group in enumerate(groups):
        assert_array_equal(group.get_offsets(), X[y == k])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(iris.target_names)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("sepal length", "petal length")
    _draws(fig)


def test_scatter_by_class_keeps_an_empty_class_in_the_legend():
    fig = plots.scatter_by_class([[0, 0], [1, 1]], [0, 2], ["a", "b", "c"])
    ax = fig.axes[0]
    assert [len(c.get_offsets()) for c in ax.collections] == [1, 0, 1]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b", "c"]


@pytest.mark.parametrize(("X", "y", "names"), [(np.ones((3, 3)), [0, 1, 0], ["a", "b"]),
                                               (np.ones((3, 2)), [0, 1], ["a", "b"]),
                                               (np.ones((3, 2)), [0, 1, 2], ["a", "b"]),
                                               (np.ones((3, 2)), [0, -1, 1], ["a", "b"]),
                                               (np.ones((3, 2)), [0, 0.5, 1], ["a", "b"])])
def test_scatter_by_class_invalid(X, y, names):
    with pytest.raises(ValueError):
        plots.scatter_by_class(X, y, names)


# --------------------------------------------------------------------------------------------
# box plots and outliers

@pytest.mark.parametrize("whis", [0.0, 0.5, 1.5, 3.0])
def test_iqr_outliers_match_matplotlib(whis):
    x = np.append(RNG.standard_t(3, size=300), [15.0, -12.0])
    expected = cbook.boxplot_stats(x, whis=whis)[0]["fliers"]
    assert_allclose(np.sort(plots.iqr_outliers(x, whis)), np.sort(expected))


def test_iqr_outliers_small_and_invalid():
    assert_array_equal(plots.iqr_outliers([1, 2, 3, 4, 100]), [100.0])
    assert plots.iqr_outliers(np.arange(10.0)).size == 0
    with pytest.raises(ValueError):
        plots.iqr_outliers([])
    with pytest.raises(ValueError):
        plots.iqr_outliers([1.0, 2.0], whis=-0.5)


def test_boxplots_draw_the_iqr_outliers():
    df = load_diabetes(as_frame=True).data[["bmi", "bp", "s3", "s6"]].assign(name="x")
    fig = plots.boxplots(df)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["bmi", "bp", "s3", "s6"]
    fliers = [line for line in ax.get_lines()
              if line.get_linestyle() == "None" and line.get_marker() not in ("None", "")]
    assert len(fliers) == 4
    for column, line in zip(["bmi", "bp", "s3", "s6"], fliers, strict=True):
        x = df[column].to_numpy()
        q1, q3 = np.percentile(x, [25, 75])
        expected = x[(x < q1 - 1.5 * (q3 - q1)) | (x > q3 + 1.5 * (q3 - q1))]
        assert_allclose(np.sort(line.get_ydata()), np.sort(expected))
    _draws(fig)


def test_boxplots_invalid():
    with pytest.raises(ValueError):
        plots.boxplots(pd.DataFrame({"name": ["a", "b"], "flag": [True, False]}))
    with pytest.raises(ValueError):
        plots.boxplots(np.ones((3, 2)))


# --------------------------------------------------------------------------------------------
# correlation heatmap

def test_correlation_heatmap_matches_pandas():
    wine = load_wine(as_frame=True).data.iloc[:, :9].assign(label="w", flag=True)
    numeric = wine.columns[:9]
    fig = plots.correlation_heatmap(wine)
    heat, colorbar = fig.axes
    assert hasattr(colorbar, "_colorbar")
    mesh = next(c for c in heat.collections if isinstance(c, QuadMesh))
    corr = wine[numeric].corr().to_numpy()
    assert_allclose(np.asarray(mesh.get_array()).reshape(corr.shape), corr, rtol=1e-12)
    assert_allclose(np.asarray(mesh.get_array()).reshape(corr.shape), np.corrcoef(
        wine[numeric].to_numpy().T), rtol=1e-10)
    assert [t.get_text() for t in heat.get_xticklabels()] == list(numeric)
    assert [t.get_text() for t in heat.get_yticklabels()] == list(numeric)
    texts = [t.get_text() for t in heat.texts]
    assert texts == [f"{v:.2f}" for v in corr.ravel()]
    assert mesh.get_cmap().name == "coolwarm" and mesh.get_clim() == (-1.0, 1.0)
    _draws(fig)


def test_correlation_heatmap_invalid():
    with pytest.raises(ValueError):
        plots.correlation_heatmap(pd.DataFrame({"x": [1.0, 2.0], "flag": [True, False]}))


# --------------------------------------------------------------------------------------------
# pair plot

def test_pair_plot_every_pair_and_the_hue_legend():
    bunch = load_iris(as_frame=True)
    df = bunch.data.iloc[:, :3].assign(species=bunch.target)
    columns = list(df.columns[:3])
    fig = plots.pair_plot(df, hue="species")
    assert isinstance(fig, Figure)
    panels = [np.asarray(c.get_offsets()) for ax in fig.axes for c in ax.collections
              if isinstance(c, PathCollection) and len(c.get_offsets())]
    assert len(panels) == 3 * 2
    for i, a in enumerate(columns):
        for j, b in enumerate(columns):
            if i != j:
                expected = df[[b, a]].to_numpy()
                assert any(p.shape == expected.shape and np.allclose(p, expected) for p in panels)
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == ["0", "1", "2"]
    _draws(fig)


@pytest.mark.parametrize(("df", "hue"), [(pd.DataFrame({"a": [1.0], "b": [2.0]}), "c"),
                                         (pd.DataFrame({"a": [1.0, 2.0], "c": [0, 1]}), "c"),
                                         (np.ones((3, 3)), None)])
def test_pair_plot_invalid(df, hue):
    with pytest.raises(ValueError):
        plots.pair_plot(df, hue=hue)
