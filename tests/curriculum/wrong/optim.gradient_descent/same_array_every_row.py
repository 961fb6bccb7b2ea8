# Wrong: updates x in place and appends the same array object each time, so every row of
# the path ends up equal to the last point.
import numpy as np


def gradient_descent(grad, x0, lr=0.1, num_iters=100):
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or lr <= 0 or num_iters < 0:
        raise ValueError("bad arguments")
    path = [x]
    for _ in range(num_iters):
        x -= lr * grad(x)
        path.append(x)
    return np.array(path)
