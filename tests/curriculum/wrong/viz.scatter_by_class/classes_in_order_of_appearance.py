# Wrong: draws the classes in the order they first appear in y (np.unique would sort them;
# dict.fromkeys keeps first appearance), so group k is not class k.
import matplotlib.pyplot as plt
import numpy as np


def scatter_by_class(X, y, class_names, feature_names=("feature 0", "feature 1")):
    X, y = np.asarray(X, float), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),) or y.min() < 0 or y.max() >= len(class_names):
        raise ValueError("bad input")
    fig, ax = plt.subplots()
    for k in dict.fromkeys(y.tolist()):
        ax.scatter(X[y == k, 0], X[y == k, 1], label=class_names[k])
    ax.legend()
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    return fig
