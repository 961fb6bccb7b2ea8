# Wrong: `*` multiplies element by element (the Hadamard product), not rows times columns.
import numpy as np


def matmul(A, B):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    if A.shape[1] != B.shape[0]:
        raise ValueError("inner dimensions differ")
    return A * B
