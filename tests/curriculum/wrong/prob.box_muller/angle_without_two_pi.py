# Wrong: the angle is u2 radians instead of 2 pi u2: it covers only [0, 1), not a full turn.
import numpy as np


def box_muller(n, rng):
    if n < 0:
        raise ValueError("n must be >= 0")
    m = (n + 1) // 2
    u1, u2 = 1 - rng.random(m), rng.random(m)
    r = np.sqrt(-2 * np.log(u1))
    return np.concatenate([r * np.cos(u2), r * np.sin(u2)])[:n]
