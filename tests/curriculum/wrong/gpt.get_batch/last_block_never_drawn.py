# Wrong: draws starts from 0 .. n - T - 2 (integers(0, n - T - 1)): an off-by-one that never
# uses the last block of the text, and gives other batches than the recipe's.
import numpy as np


def get_batch(data, batch_size, block_size, rng):
    data = np.asarray(data)
    if data.ndim != 1 or batch_size < 1 or block_size < 1 or len(data) <= block_size:
        raise ValueError("bad input")
    starts = rng.integers(0, len(data) - block_size - 1, size=batch_size)
    x = np.stack([data[s:s + block_size] for s in starts])
    y = np.stack([data[s + 1:s + 1 + block_size] for s in starts])
    return x, y
