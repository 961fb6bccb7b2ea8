# Wrong: macro F1 computed as the F1 of the macro precision and macro recall, instead of the
# mean of the per-class F1 scores.
import numpy as np


def f1_score(y_true, y_pred, *, average):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape or average not in ("macro", "micro", "weighted", None):
        raise ValueError("bad input")
    classes = np.unique(np.concatenate([t, p]))
    tp = np.array([np.sum((t == c) & (p == c)) for c in classes], dtype=float)
    pred = np.array([np.sum(p == c) for c in classes], dtype=float)
    true = np.array([np.sum(t == c) for c in classes], dtype=float)
    f1 = np.divide(2 * tp, true + pred, out=np.zeros_like(tp), where=true + pred > 0)
    if average is None:
        return f1
    if average == "micro":
        return float(2 * tp.sum() / (true.sum() + pred.sum()))
    if average == "weighted":
        return float((f1 * true).sum() / true.sum())
    precision = np.divide(tp, pred, out=np.zeros_like(tp), where=pred > 0).mean()
    recall = np.divide(tp, true, out=np.zeros_like(tp), where=true > 0).mean()
    return float(2 * precision * recall / (precision + recall)) if precision + recall else 0.0
