# Wrong: density=True draws probability densities (areas sum to 1), not the counts per bin.
import matplotlib.pyplot as plt
import numpy as np


def histogram(x, bins=10, xlabel="value"):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or (np.ndim(bins) == 0 and bins < 1) or (
            np.ndim(bins) == 1 and (len(bins) < 2 or np.any(np.diff(bins) <= 0))):
        raise ValueError("bad input")
    fig, ax = plt.subplots()
    ax.hist(x, bins=bins, density=True)
    ax.set(xlabel=xlabel, ylabel="count")
    return fig
