# Wrong: the targets are the inputs themselves (y = x): the model would learn to copy, not to
# predict the next character.
import numpy as np


def get_batch(data, batch_size, block_size, rng):
    data = np.asarray(data)
    if data.ndim != 1 or batch_size < 1 or block_size < 1 or len(data) <= block_size:
        raise ValueError("bad input")
    starts = rng.integers(0, len(data) - block_size, size=batch_size)
    x = np.stack([data[s:s + block_size] for s in starts])
    return x, x.copy()
