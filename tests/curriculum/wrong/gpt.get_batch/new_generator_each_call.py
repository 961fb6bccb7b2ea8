# Wrong: ignores the rng argument and seeds a fresh generator inside: every call returns the
# same batch, so training would see the same few blocks over and over.
import numpy as np


def get_batch(data, batch_size, block_size, rng):
    data = np.asarray(data)
    if data.ndim != 1 or batch_size < 1 or block_size < 1 or len(data) <= block_size:
        raise ValueError("bad input")
    starts = np.random.default_rng(0).integers(0, len(data) - block_size, size=batch_size)
    x = np.stack([data[s:s + block_size] for s in starts])
    y = np.stack([data[s + 1:s + 1 + block_size] for s in starts])
    return x, y
