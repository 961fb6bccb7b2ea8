# Wrong: the path leaves out the starting point (num_iters rows instead of num_iters + 1).
import numpy as np


def gradient_descent(grad, x0, lr=0.1, num_iters=100):
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or lr <= 0 or num_iters < 0:
        raise ValueError("bad arguments")
    path = []
    for _ in range(num_iters):
        x = x - lr * grad(x)
        path.append(x)
    return np.array(path).reshape(num_iters, len(x))
