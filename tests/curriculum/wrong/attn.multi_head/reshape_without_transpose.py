# Wrong: split_heads reshapes (N, T, E) straight to (N, H, T, D): each "head" then holds
# pieces of different positions instead of one slice of every position's vector.
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
    return X.reshape(N, num_heads, T, E // num_heads)


def multi_head_attention(X, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                         num_heads, is_causal=False):
    X, W_in, W_out = (np.asarray(a, dtype=float) for a in (X, in_proj_weight, out_proj_weight))
    _check(X, W_in, in_proj_bias, W_out, out_proj_bias, num_heads)
    E = X.shape[-1]
    qkv = X @ W_in.T + (0 if in_proj_bias is None else in_proj_bias)
    q, k, v = (split_heads(qkv[..., i * E:(i + 1) * E], num_heads) for i in range(3))
    heads = _attend(q, k, v, is_causal, 1 / np.sqrt(E // num_heads))
    return merge_heads(heads) @ W_out.T + (0 if out_proj_bias is None else out_proj_bias)
