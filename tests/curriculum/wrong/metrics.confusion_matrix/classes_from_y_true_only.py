# Wrong: takes the classes from y_true only, so a class that is only ever predicted is lost,
# and normalize='pred' divides rows instead of columns.
import numpy as np


def confusion_matrix(y_true, y_pred, *, labels=None, normalize=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or normalize not in (None, "true", "pred", "all"):
        raise ValueError("bad input")
    classes = np.unique(y_true) if labels is None else np.asarray(labels)
    index = {c: i for i, c in enumerate(classes.tolist())}
    C = np.zeros((len(classes), len(classes)), dtype=np.int64)
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        if t in index and p in index:
            C[index[t], index[p]] += 1
    if normalize is None:
        return C
    with np.errstate(invalid="ignore", divide="ignore"):
        out = C / C.sum() if normalize == "all" else C / C.sum(axis=1, keepdims=True)
    return np.nan_to_num(out)
