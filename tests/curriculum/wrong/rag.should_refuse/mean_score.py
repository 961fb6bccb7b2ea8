# Wrong: compares the *mean* score with the threshold, so one strong passage among weak ones
# leads to a refusal.
import numpy as np


def should_refuse(scores, threshold):
    s = np.asarray(scores, dtype=float)
    if s.ndim != 1 or np.isnan(s).any() or np.isnan(threshold):
        raise ValueError("bad scores or threshold")
    return bool(s.size == 0 or s.mean() < threshold)
