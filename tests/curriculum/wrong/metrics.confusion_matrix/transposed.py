# Wrong: rows are the predicted class and columns the true class (the matrix is transposed).
import numpy as np


def confusion_matrix(y_true, y_pred, *, labels=None, normalize=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or normalize not in (None, "true", "pred", "all"):
        raise ValueError("bad input")
    classes = np.unique(np.concatenate([y_true, y_pred])) if labels is None else np.asarray(labels)
    index = {c: i for i, c in enumerate(classes.tolist())}
    C = np.zeros((len(classes), len(classes)), dtype=np.int64)
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        if t in index and p in index:
            C[index[p], index[t]] += 1
    if normalize is None:
        return C
    with np.errstate(invalid="ignore", divide="ignore"):
        out = {"true": C / C.sum(axis=1, keepdims=True), "pred": C / C.sum(axis=0, keepdims=True),
               "all": C / C.sum()}[normalize]
    return np.nan_to_num(out)
