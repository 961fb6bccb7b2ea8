# Wrong: the bars are right but the axes are not labelled: a reader cannot tell what was counted.
import matplotlib.pyplot as plt
import numpy as np


def histogram(x, bins=10, xlabel="value"):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or (np.ndim(bins) == 0 and bins < 1) or (
            np.ndim(bins) == 1 and (len(bins) < 2 or np.any(np.diff(bins) <= 0))):
        raise ValueError("bad input")
    fig, ax = plt.subplots()
    ax.hist(x, bins=bins)
    ax.set_title(xlabel)
    return fig
