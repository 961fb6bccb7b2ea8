# Wrong: accepts labels other than 0/1 and probabilities outside [0, 1] silently.
import numpy as np


def log_loss(y, p):
    y, p = np.asarray(y, float), np.asarray(p, float)
    eps = np.finfo(float).eps
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
