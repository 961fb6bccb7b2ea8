# Wrong: every tree votes for every row, in bag or not (the training accuracy, optimistic).
import numpy as np


def oob_score(tree_probas, oob_masks, y):
    P, M, y = np.asarray(tree_probas, float), np.asarray(oob_masks), np.asarray(y)
    if P.ndim != 3 or M.shape != P.shape[:2] or y.shape != (P.shape[1],) or M.dtype != bool:
        raise ValueError("bad shapes")
    return float(np.mean(np.argmax(P.sum(axis=0), axis=1) == y))
