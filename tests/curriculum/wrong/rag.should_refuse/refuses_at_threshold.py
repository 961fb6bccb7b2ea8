# Wrong: refuses when the best score *equals* the threshold (<= instead of <).
import numpy as np


def should_refuse(scores, threshold):
    s = np.asarray(scores, dtype=float)
    if s.ndim != 1 or np.isnan(s).any() or np.isnan(threshold):
        raise ValueError("bad scores or threshold")
    return bool(s.size == 0 or s.max() <= threshold)
