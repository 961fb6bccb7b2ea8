# Wrong: on a tie, picks the largest label (argmax over the reversed vote table).
import numpy as np


def majority_vote(predictions):
    P = np.asarray(predictions)
    if P.ndim != 2 or P.shape[0] == 0 or P.dtype.kind not in "iu" or P.min() < 0:
        raise ValueError("predictions must be a 2-D array of non-negative integer labels")
    labels = np.arange(P.max() + 1)
    votes = (P[None, :, :] == labels[:, None, None]).sum(axis=1)
    return labels[::-1][np.argmax(votes[::-1], axis=0)]
