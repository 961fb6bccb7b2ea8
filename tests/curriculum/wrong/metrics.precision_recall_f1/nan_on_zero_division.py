# Wrong: divides without checking, so 0 / 0 gives NaN instead of 0.
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
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.float64(tp) / (tp + fp)
        recall = np.float64(tp) / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
    return float(precision), float(recall), float(f1)
