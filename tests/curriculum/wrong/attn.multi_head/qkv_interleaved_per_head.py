# Wrong: assumes in_proj_weight's rows are grouped per head ([q k v] of head 0, then head 1...)
# instead of PyTorch's [W_q; W_k; W_v] blocks.
import numpy as np


def _attend(q, k, v, is_causal, scale):
    s = q @ np.swapaxes(k, -1, -2) * scale
    if is_causal:
        s = np.where(np.tril(np.ones(s.shape[-2:], dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True) @ v


def merge_heads(X):
    X = np.asarray(X, dtype=float)
    N, H, T, D = X.shape
    return np.swapaxes(X, 1, 2).reshape(N, T, H * D)


def _check(X, W_in, b_in, W_out, b_out, num_heads):
    E = X.shape[-1]
    if W_in.shape != (3 * E, E) or W_out.shape != (E, E) or E % num_heads:
        raise ValueError("shapes do not fit")


def split_heads(X, num_heads):
    X = np.asarray(X, dtype=float)
    N, T, E = X.shape
    if E % num_heads:
        raise ValueError("num_heads must divide E")
    return np.swapaxes(X.reshape(N, T, num_heads, E // num_heads), 1, 2)


def multi_head_attention(X, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                         num_heads, is_causal=False):
    X, W_in, W_out = (np.asarray(a, dtype=float) for a in (X, in_proj_weight, out_proj_weight))
    _check(X, W_in, in_proj_bias, W_out, out_proj_bias, num_heads)
    N, T, E = X.shape
    D = E // num_heads
    qkv = X @ W_in.T + (0 if in_proj_bias is None else in_proj_bias)  # (N, T, 3E)
    qkv = np.swapaxes(qkv.reshape(N, T, num_heads, 3 * D), 1, 2)     # (N, H, T, 3D)
    q, k, v = qkv[..., :D], qkv[..., D:2 * D], qkv[..., 2 * D:]
    heads = _attend(q, k, v, is_causal, 1 / np.sqrt(D))
    return merge_heads(heads) @ W_out.T + (0 if out_proj_bias is None else out_proj_bias)
