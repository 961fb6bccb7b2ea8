# Wrong: np.linspace(min, max, bins) gives `bins` edges, i.e. only bins - 1 bins (an off-by-one).
import matplotlib.pyplot as plt
import numpy as np


def histogram(x, bins=10, xlabel="value"):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or (np.ndim(bins) == 0 and bins < 1) or (
            np.ndim(bins) == 1 and (len(bins) < 2 or np.any(np.diff(bins) <= 0))):
        raise ValueError("bad input")
    edges = np.linspace(x.min(), x.max(), bins) if np.ndim(bins) == 0 else bins
    fig, ax = plt.subplots()
    ax.hist(x, bins=edges)
    ax.set(xlabel=xlabel, ylabel="count")
    return fig
