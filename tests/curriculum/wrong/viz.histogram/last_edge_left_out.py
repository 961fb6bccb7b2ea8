# Wrong: counts every bin as [left, right), so a value equal to the last edge is lost
# (np.histogram and ax.hist close the last bin: [left, right]).
import matplotlib.pyplot as plt
import numpy as np


def histogram(x, bins=10, xlabel="value"):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or (np.ndim(bins) == 0 and bins < 1) or (
            np.ndim(bins) == 1 and (len(bins) < 2 or np.any(np.diff(bins) <= 0))):
        raise ValueError("bad input")
    edges = np.linspace(x.min(), x.max(), bins + 1) if np.ndim(bins) == 0 else np.asarray(bins, float)
    counts = ((x[:, None] >= edges[:-1]) & (x[:, None] < edges[1:])).sum(axis=0)
    fig, ax = plt.subplots()
    ax.bar(edges[:-1], counts, width=np.diff(edges), align="edge")
    ax.set(xlabel=xlabel, ylabel="count")
    return fig
