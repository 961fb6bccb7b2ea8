# Wrong: puts column 1 on the x-axis and column 0 on the y-axis.
import matplotlib.pyplot as plt
import numpy as np


def scatter_by_class(X, y, class_names, feature_names=("feature 0", "feature 1")):
    X, y = np.asarray(X, float), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),) or y.min() < 0 or y.max() >= len(class_names):
        raise ValueError("bad input")
    fig, ax = plt.subplots()
    for k, name in enumerate(class_names):
        ax.scatter(X[y == k, 1], X[y == k, 0], label=name)
    ax.legend()
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    return fig
