# Wrong: accepts beta >= 1 (the velocity never decays and the ball never settles).
import numpy as np


def momentum(grad, x0, lr=0.01, beta=0.9, num_iters=100):
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or lr <= 0 or num_iters < 0:
        raise ValueError("bad arguments")
    v = np.zeros_like(x)
    path = [x]
    for _ in range(num_iters):
        v = beta * v + grad(x)
        x = x - lr * v
        path.append(x)
    return np.array(path)
