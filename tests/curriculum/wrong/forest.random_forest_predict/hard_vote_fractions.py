# Wrong: the "probabilities" are the fractions of trees voting for each class (hard voting).
import numpy as np


def random_forest_predict(tree_probas, classes):
    P = np.asarray(tree_probas, dtype=float)
    classes = np.asarray(classes)
    if P.ndim != 3 or P.shape[0] == 0 or classes.shape != (P.shape[2],):
        raise ValueError("bad shapes")
    votes = np.argmax(P, axis=2)  # (T, n)
    proba = (votes[:, :, None] == np.arange(P.shape[2])).mean(axis=0)
    return proba, classes[np.argmax(proba, axis=1)]
