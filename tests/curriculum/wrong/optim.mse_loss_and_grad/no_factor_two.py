# Wrong: forgets the 2 that comes down from the square in d/dw (y_hat - y)**2.
import numpy as np


def mse_loss_and_grad(w, b, x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError("x and y must be 1-D of the same length")
    r = w * x + b - y
    return float(np.mean(r**2)), float(np.mean(r * x)), float(np.mean(r))
