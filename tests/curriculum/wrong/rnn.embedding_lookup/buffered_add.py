# Wrong: dW[indices] += G is buffered: a repeated id keeps only one of its gradients.
import numpy as np


def embedding_lookup(weight, indices):
    W = np.asarray(weight, dtype=float)
    idx = np.asarray(indices)
    if W.ndim != 2 or not np.issubdtype(idx.dtype, np.integer) or (idx < 0).any() \
            or (idx >= W.shape[0]).any():
        raise ValueError("bad weight or indices")
    return W[idx]


def embedding_grad(indices, grad_output, num_embeddings):
    idx = np.asarray(indices)
    G = np.asarray(grad_output, dtype=float)
    if G.shape[:-1] != idx.shape or (idx < 0).any() or (idx >= num_embeddings).any():
        raise ValueError("bad indices or grad_output")
    dW = np.zeros((num_embeddings, G.shape[-1]))
    dW[idx] += G
    return dW
