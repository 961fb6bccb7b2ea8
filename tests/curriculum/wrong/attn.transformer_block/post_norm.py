# Wrong: post-norm (the original 2017 layout, LN(x + sublayer(x))) instead of pre-norm
# (x + sublayer(LN(x))), which GPT-2 and norm_first=True use.
import numpy as np
from scipy.special import erf


def _ln(X, g, b, eps=1e-5):
    mu = X.mean(axis=-1, keepdims=True)
    var = ((X - mu) ** 2).mean(axis=-1, keepdims=True)
    return (X - mu) / np.sqrt(var + eps) * g + b


def _mha(X, W_in, b_in, W_out, b_out, H, is_causal):
    N, T, E = X.shape
    D = E // H
    qkv = X @ W_in.T + b_in
    q, k, v = (np.swapaxes(qkv[..., i * E:(i + 1) * E].reshape(N, T, H, D), 1, 2)
               for i in range(3))
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(D)
    if is_causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    heads = w / w.sum(axis=-1, keepdims=True) @ v
    return np.swapaxes(heads, 1, 2).reshape(N, T, E) @ W_out.T + b_out


def _attn(X, p, H, is_causal):
    return _mha(X, p["self_attn.in_proj_weight"], p["self_attn.in_proj_bias"],
                p["self_attn.out_proj.weight"], p["self_attn.out_proj.bias"], H, is_causal)


def _gelu(x):
    return 0.5 * x * (1 + erf(x / np.sqrt(2)))


def _mlp(X, p, act=_gelu):
    return act(X @ p["linear1.weight"].T + p["linear1.bias"]) @ p["linear2.weight"].T \
        + p["linear2.bias"]


def transformer_block(X, params, num_heads, is_causal=False):
    X = np.asarray(X, dtype=float)
    if X.ndim != 3:
        raise ValueError("X must be (N, T, E)")
    p = {k: np.asarray(v, dtype=float) for k, v in params.items()}
    H = _ln(X + _attn(X, p, num_heads, is_causal), p["norm1.weight"], p["norm1.bias"])
    return _ln(H + _mlp(H, p), p["norm2.weight"], p["norm2.bias"])
