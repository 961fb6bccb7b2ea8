# Wrong: sums the squared errors instead of averaging them (the gradient grows with N).
import numpy as np


def mse_loss_and_grad(w, b, x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError("x and y must be 1-D of the same length")
    r = w * x + b - y
    return float(np.sum(r**2)), float(2 * np.sum(r * x)), float(2 * np.sum(r))
