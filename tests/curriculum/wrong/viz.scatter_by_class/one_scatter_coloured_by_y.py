# Wrong: a single ax.scatter with c=y colours the classes but makes one group, so the legend
# cannot name the classes (it shows colour-map levels instead).
import matplotlib.pyplot as plt
import numpy as np


def scatter_by_class(X, y, class_names, feature_names=("feature 0", "feature 1")):
    X, y = np.asarray(X, float), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),) or y.min() < 0 or y.max() >= len(class_names):
        raise ValueError("bad input")
    fig, ax = plt.subplots()
    points = ax.scatter(X[:, 0], X[:, 1], c=y)
    ax.legend(*points.legend_elements())
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    return fig
