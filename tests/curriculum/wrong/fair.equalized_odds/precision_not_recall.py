# Wrong: the "TPR" divides true positives by the *predicted* positives (precision) instead of
# the actual positives (recall).
import numpy as np


def _rates(y_true, y_pred, group):
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    if y_true.shape != y_pred.shape or y_pred.shape != group.shape or y_true.size == 0 \
            or not np.isin(y_true, (0, 1)).all() or not np.isin(y_pred, (0, 1)).all():
        raise ValueError("bad input")
    tpr, fpr = [], []
    for g in np.unique(group):
        m = group == g
        predicted, neg = m & (y_pred == 1), m & (y_true == 0)
        tpr.append(y_true[predicted].mean() if predicted.any() else 0.0)
        fpr.append(y_pred[neg].mean() if neg.any() else 0.0)
    return np.array(tpr), np.array(fpr)


def equal_opportunity_difference(y_true, y_pred, group):
    tpr, _ = _rates(y_true, y_pred, group)
    return float(tpr.max() - tpr.min())


def equalized_odds_difference(y_true, y_pred, group):
    tpr, fpr = _rates(y_true, y_pred, group)
    return float(max(tpr.max() - tpr.min(), fpr.max() - fpr.min()))
