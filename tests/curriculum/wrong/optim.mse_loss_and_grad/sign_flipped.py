# Wrong: uses y - y_hat in the gradient, so it points uphill for w and b.
import numpy as np


def mse_loss_and_grad(w, b, x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError("x and y must be 1-D of the same length")
    r = y - (w * x + b)
    return float(np.mean(r**2)), float(2 * np.mean(r * x)), float(2 * np.mean(r))
