# Wrong: "micro" averages the per-class F1 scores (that is macro) instead of pooling the counts.
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
    if average == "weighted":
        return float((f1 * true).sum() / true.sum())
    return float(f1.mean())
