# Wrong: F1 as the arithmetic mean (P + R) / 2 instead of the harmonic mean 2PR / (P + R).
import numpy as np


def precision_recall_f1(y_true, y_pred, pos_label=1):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape or np.unique(np.concatenate([t, p])).size > 2:
        raise ValueError("bad input")
    labels = np.unique(np.concatenate([t, p]))
    if labels.size == 2 and pos_label not in labels:
        raise ValueError("bad pos_label")
    t, p = t == pos_label, p == pos_label
    tp, fp, fn = np.sum(t & p), np.sum(~t & p), np.sum(t & ~p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return float(precision), float(recall), float((precision + recall) / 2)
