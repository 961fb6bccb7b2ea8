# Wrong: no inner-dimension check; zip() silently drops the extra elements.
import numpy as np


def matmul(A, B):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    B2 = B.reshape(B.shape[0], -1)
    out = np.zeros((A.shape[0], B2.shape[1]))
    for i, row in enumerate(A):
        for j in range(B2.shape[1]):
            out[i, j] = sum(a * b for a, b in zip(row, B2[:, j]))  # noqa: B905 - the bug
    return out[:, 0] if B.ndim == 1 else out
