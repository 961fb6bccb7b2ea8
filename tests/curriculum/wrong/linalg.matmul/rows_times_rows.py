# Wrong: row i of A times *row* j of B computes A B^T, not A B.
import numpy as np


def matmul(A, B):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    if A.shape[1] != B.shape[0]:
        raise ValueError("inner dimensions differ")
    B2 = B.reshape(B.shape[0], -1)
    out = np.zeros((A.shape[0], B2.shape[1]))
    for i in range(A.shape[0]):
        for j in range(B2.shape[1]):
            out[i, j] = (A[i, :] * B2[j, :]).sum()
    return out[:, 0] if B.ndim == 1 else out
