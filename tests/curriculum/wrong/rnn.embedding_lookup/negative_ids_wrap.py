# Wrong: no range check: a negative id silently wraps around to the end of the table.
import numpy as np


def embedding_lookup(weight, indices):
    return np.asarray(weight, dtype=float)[np.asarray(indices)]


def embedding_grad(indices, grad_output, num_embeddings):
    idx = np.asarray(indices)
    G = np.asarray(grad_output, dtype=float)
    if G.shape[:-1] != idx.shape:
        raise ValueError("grad_output must have shape indices.shape + (D,)")
    dW = np.zeros((num_embeddings, G.shape[-1]))
    np.add.at(dW, idx, G)
    return dW
