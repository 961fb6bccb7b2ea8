# Wrong: inverted mask, so only the trees that trained on a row vote for it.
import numpy as np


def oob_score(tree_probas, oob_masks, y):
    P, M, y = np.asarray(tree_probas, float), np.asarray(oob_masks), np.asarray(y)
    if P.ndim != 3 or M.shape != P.shape[:2] or y.shape != (P.shape[1],) or M.dtype != bool:
        raise ValueError("bad shapes")
    summed = (P * ~M[:, :, None]).sum(axis=0)
    return float(np.mean(np.argmax(summed, axis=1) == y))
