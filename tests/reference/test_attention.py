"""groundup.attention against PyTorch: scaled dot-product attention (with and without masks),
multi-head attention, layer norm and the pre-norm transformer block, forward values and
gradients (:func:`torch_compare.compare_with_torch`, :func:`compare_module_with_torch`), plus
central differences where PyTorch is not needed, and the by-hand attention backward.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from torch_compare import check_gradients_fd, compare_module_with_torch, compare_with_torch

from groundup.attention import (
    LearnedPositionalEmbedding,
    MultiHeadAttention,
    SinusoidalPositionalEncoding,
    TransformerBlock,
    attention_backward,
    attention_weights,
    causal_mask,
    from_torch_block,
    from_torch_multihead,
    layer_norm,
    merge_heads,
    multi_head_self_attention,
    scaled_dot_product_attention,
    sinusoidal_positional_encoding,
    split_heads,
    to_torch_block,
    to_torch_multihead,
    transformer_block,
)
from groundup.nn import Tensor

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _torch() -> Any:
    return pytest.importorskip("torch")


def _rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


# -------------------------------------------------------------------------------------------
# scaled dot-product attention


@pytest.mark.parametrize(("q_shape", "k_shape", "v_shape"), [
    ((5, 4), (5, 4), (5, 4)),               # one sequence
    ((2, 5, 4), (2, 7, 4), (2, 7, 3)),      # cross-attention, L != S, Ev != E
    ((2, 3, 6, 8), (2, 3, 6, 8), (2, 3, 6, 8)),  # (N, H, T, D)
    ((2, 3, 4, 5), (1, 3, 6, 5), (1, 3, 6, 2)),  # batch axes broadcast
])
def test_sdpa_matches_torch(q_shape, k_shape, v_shape):
    torch = _torch()
    rng = _rng(1)
    q, k, v = rng.normal(size=q_shape), rng.normal(size=k_shape), rng.normal(size=v_shape)
    compare_with_torch(scaled_dot_product_attention,
                       torch.nn.functional.scaled_dot_product_attention, q, k, v,
                       name=f"sdpa {q_shape}")


@pytest.mark.parametrize(("L", "S"), [(6, 6), (4, 7), (7, 4)])
def test_sdpa_causal_matches_torch(L, S):  # noqa: N803
    torch = _torch()
    rng = _rng(2)
    q, k, v = rng.normal(size=(2, L, 4)), rng.normal(size=(2, S, 4)), rng.normal(size=(2, S, 3))
    compare_with_torch(lambda a, b, c: scaled_dot_product_attention(a, b, c, is_causal=True),
                       lambda a, b, c: torch.nn.functional.scaled_dot_product_attention(
                           a, b, c, is_causal=True), q, k, v, name=f"causal {L}x{S}")


def test_sdpa_boolean_and_float_masks_match_torch():
    torch = _torch()
    rng = _rng(3)
    q, k, v = rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 6, 4)), rng.normal(size=(2, 6, 3))
    mask = rng.random((5, 6)) > 0.4
    mask[:, 0] = True
    compare_with_torch(lambda a, b, c, m: scaled_dot_product_attention(a, b, c, mask=m),
                       lambda a, b, c, m: torch.nn.functional.scaled_dot_product_attention(
                           a, b, c, attn_mask=m), q, k, v, mask, name="boolean mask")
    additive = rng.normal(size=(2, 5, 6))
    additive[0, 1, 2:] = -np.inf
    compare_with_torch(lambda a, b, c, m: scaled_dot_product_attention(a, b, c, mask=m.data),
                       lambda a, b, c, m: torch.nn.functional.scaled_dot_product_attention(
                           a, b, c, attn_mask=m.detach()), q, k, v, additive,
                       name="float mask")


def test_fully_masked_rows_give_zeros_like_torch():
    torch = _torch()
    rng = _rng(4)
    q, k, v = rng.normal(size=(1, 4, 3)), rng.normal(size=(1, 4, 3)), rng.normal(size=(1, 4, 2))
    mask = causal_mask(4)
    mask[2] = False  # query 2 may look nowhere
    out, _ = compare_with_torch(
        lambda a, b, c, m: scaled_dot_product_attention(a, b, c, mask=m),
        lambda a, b, c, m: torch.nn.functional.scaled_dot_product_attention(a, b, c,
                                                                            attn_mask=m),
        q, k, v, mask, name="fully masked row")
    assert np.all(out.data[0, 2] == 0.0)


def test_sdpa_numpy_in_numpy_out_and_weights():
    rng = _rng(5)
    q, k, v = rng.normal(size=(3, 4)), rng.normal(size=(5, 4)), rng.normal(size=(5, 2))
    out = scaled_dot_product_attention(q, k, v)
    assert isinstance(out, np.ndarray) and out.shape == (3, 2)
    # the definition, written out with NumPy alone
    s = q @ k.T / 2.0
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(attention_weights(q, k), w, rtol=1e-12)
    np.testing.assert_allclose(out, w @ v, rtol=1e-12)
    cw = attention_weights(q, k[:3], is_causal=True)
    np.testing.assert_allclose(cw.sum(axis=1), 1.0)
    assert np.all(cw[np.triu_indices(3, 1)] == 0.0)


def test_sdpa_gradients_by_central_differences():
    rng = _rng(6)
    q, k, v = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 2))
    check_gradients_fd(lambda a, b, c: scaled_dot_product_attention(a, b, c, is_causal=True),
                       q, k, v, name="causal sdpa")


def test_sdpa_validates():
    x = np.ones((2, 3, 4))
    with pytest.raises(ValueError, match="query and key"):
        scaled_dot_product_attention(x, np.ones((2, 3, 5)), x)
    with pytest.raises(ValueError, match="positions"):
        scaled_dot_product_attention(x, x, np.ones((2, 4, 4)))
    with pytest.raises(ValueError, match="not both"):
        scaled_dot_product_attention(x, x, x, mask=causal_mask(3), is_causal=True)
    with pytest.raises(ValueError, match="mask must have shape"):
        scaled_dot_product_attention(x, x, x, mask=np.ones((3, 4), dtype=bool))
    with pytest.raises(ValueError, match="at least 2 axes"):
        scaled_dot_product_attention(np.ones(3), np.ones(3), np.ones(3))
    with pytest.raises(ValueError):
        causal_mask(0)


def test_causal_mask_is_torch_tril():
    torch = _torch()
    for T, S in [(1, 1), (4, 4), (3, 6), (6, 3)]:  # noqa: N806
        np.testing.assert_array_equal(causal_mask(T, S),
                                      torch.ones(T, S, dtype=torch.bool).tril().numpy())


# -------------------------------------------------------------------------------------------
# attention backward by hand


@pytest.mark.parametrize("is_causal", [False, True])
def test_attention_backward_matches_autograd(is_causal):
    torch = _torch()
    rng = _rng(7)
    Q, K, V = rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 3))
    G = rng.normal(size=(2, 5, 3))
    tq, tk, tv = (torch.tensor(a, requires_grad=True) for a in (Q, K, V))
    out = torch.nn.functional.scaled_dot_product_attention(tq, tk, tv, is_causal=is_causal)
    (out * torch.from_numpy(G)).sum().backward()
    for ours, theirs, name in zip(attention_backward(Q, K, V, G, is_causal=is_causal),
                                  (tq, tk, tv), "QKV", strict=True):
        np.testing.assert_allclose(ours, theirs.grad.numpy(), rtol=1e-9, atol=1e-12,
                                   err_msg=f"d{name}")


def test_attention_backward_broadcast_batch_sums_back():
    rng = _rng(8)
    Q, K, V = rng.normal(size=(3, 4, 2)), rng.normal(size=(1, 5, 2)), rng.normal(size=(1, 5, 3))
    G = rng.normal(size=(3, 4, 3))
    dQ, dK, dV = attention_backward(Q, K, V, G)  # noqa: N806
    assert dQ.shape == Q.shape and dK.shape == K.shape and dV.shape == V.shape
    leaves = [Tensor(a, requires_grad=True) for a in (Q, K, V)]
    (scaled_dot_product_attention(*leaves) * Tensor(G)).sum().backward()
    for ours, leaf in zip((dQ, dK, dV), leaves, strict=True):
        np.testing.assert_allclose(ours, leaf.grad, rtol=1e-10, atol=1e-12)


# -------------------------------------------------------------------------------------------
# heads and multi-head attention


def test_split_and_merge_heads_are_torch_views():
    torch = _torch()
    x = _rng(9).normal(size=(2, 5, 12))
    theirs = torch.from_numpy(x).view(2, 5, 3, 4).transpose(1, 2).numpy()
    np.testing.assert_array_equal(split_heads(x, 3), theirs)
    np.testing.assert_array_equal(merge_heads(split_heads(x, 3)), x)
    compare_with_torch(lambda a: merge_heads(split_heads(a, 4) * 2.0),
                       lambda a: (a.view(2, 5, 4, 3).transpose(1, 2) * 2.0).transpose(1, 2)
                       .reshape(2, 5, 12), x, name="split/merge")
    with pytest.raises(ValueError, match="divide"):
        split_heads(x, 5)


def _torch_mha(E: int, H: int, bias: bool = True, seed: int = 0) -> Any:  # noqa: N803
    torch = _torch()
    torch.manual_seed(seed)
    mha = torch.nn.MultiheadAttention(E, H, bias=bias, batch_first=True).double()
    if bias:  # PyTorch starts the biases at zero: make them count
        with torch.no_grad():
            mha.in_proj_bias.normal_()
            mha.out_proj.bias.normal_()
    return mha


class _SelfAttention:
    """Call a MultiheadAttention as self-attention, returning only the output."""

    def __init__(self, module: Any, **kwargs: Any) -> None:
        self.module, self.kwargs = module, kwargs

    def __call__(self, x: Any) -> Any:
        return self.module(x, x, x, need_weights=False, **self.kwargs)[0]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.module, name)


@pytest.mark.parametrize(("E", "H", "bias"), [(8, 2, True), (12, 3, False), (6, 1, True)])
def test_multihead_module_matches_torch(E, H, bias):  # noqa: N803
    theirs = _torch_mha(E, H, bias)
    ours = MultiHeadAttention(E, H, bias=bias, dtype=np.float64)
    x = _rng(10).normal(size=(3, 5, E))
    compare_module_with_torch(_SelfAttention(ours), _SelfAttention(theirs), x,
                              name=f"MHA E={E} H={H}")


def test_multihead_causal_mask_weights_and_cross_attention():
    torch = _torch()
    theirs = _torch_mha(8, 4, seed=1)
    ours = from_torch_multihead(theirs)
    rng = _rng(11)
    q, kv = rng.normal(size=(2, 3, 8)), rng.normal(size=(2, 6, 8))
    tq, tkv = torch.from_numpy(q), torch.from_numpy(kv)
    masked = ~causal_mask(3, 6)  # torch's MultiheadAttention: True = masked out
    for avg in (True, False):
        out, w = ours(Tensor(q), Tensor(kv), Tensor(kv), attn_mask=masked,
                      average_attn_weights=avg)
        t_out, t_w = theirs(tq, tkv, tkv, attn_mask=torch.from_numpy(masked),
                            average_attn_weights=avg)
        np.testing.assert_allclose(out.data, t_out.detach().numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(w.data, t_w.detach().numpy(), rtol=1e-10, atol=1e-12)
    out, _ = ours(Tensor(q), is_causal=True)
    t_out, _ = theirs(tq, tq, tq, attn_mask=torch.from_numpy(~causal_mask(3)))
    np.testing.assert_allclose(out.data, t_out.detach().numpy(), rtol=1e-10, atol=1e-12)
    # unbatched (L, E) input
    out, w = ours(Tensor(q[0]))
    t_out, t_w = theirs(tq[0], tq[0], tq[0])
    np.testing.assert_allclose(out.data, t_out.detach().numpy(), rtol=1e-10, atol=1e-12)
    assert w.shape == (3, 3)


def test_multihead_round_trips_through_torch():
    ours = MultiHeadAttention(8, 2, dtype=np.float64, rng=3)
    theirs = to_torch_multihead(ours)
    assert list(theirs.state_dict()) == list(ours.state_dict())
    back = from_torch_multihead(theirs)
    for key, value in ours.state_dict().items():
        np.testing.assert_array_equal(back.state_dict()[key], value)


def test_multi_head_self_attention_function_matches_torch():
    torch = _torch()
    theirs = _torch_mha(12, 3, seed=2)
    W_in, b_in, W_out, b_out = (p.detach().numpy() for p in theirs.parameters())  # noqa: N806
    x = _rng(12).normal(size=(2, 6, 12))
    mask = torch.from_numpy(~causal_mask(6))
    expected = theirs(*(torch.from_numpy(x),) * 3, attn_mask=mask)[0].detach().numpy()
    got = multi_head_self_attention(x, W_in, b_in, W_out, b_out, 3, is_causal=True)
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError, match="in_proj_weight"):
        multi_head_self_attention(x, W_in[:12], b_in, W_out, b_out, 3)
    with pytest.raises(ValueError, match="divide"):
        multi_head_self_attention(x, W_in, b_in, W_out, b_out, 5)


# -------------------------------------------------------------------------------------------
# positions


def test_sinusoidal_encoding_is_the_paper_formula():
    T, d = 7, 6  # noqa: N806
    pe = sinusoidal_positional_encoding(T, d)
    for t in range(T):
        for i in range(d // 2):
            angle = t / 10000 ** (2 * i / d)
            assert pe[t, 2 * i] == pytest.approx(np.sin(angle), abs=1e-15)
            assert pe[t, 2 * i + 1] == pytest.approx(np.cos(angle), abs=1e-15)
    with pytest.raises(ValueError, match="even"):
        sinusoidal_positional_encoding(3, 5)
    enc = SinusoidalPositionalEncoding(10, 6)
    x = np.zeros((2, 7, 6))
    np.testing.assert_allclose(enc(Tensor(x)).data, np.broadcast_to(pe, x.shape))


def test_learned_positions_match_torch_embedding_of_arange():
    torch = _torch()
    ours = LearnedPositionalEmbedding(8, 4, dtype=np.float64, rng=0)
    theirs = torch.nn.Embedding(8, 4).double()
    x = _rng(13).normal(size=(3, 5, 4))

    class TorchPositions(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.weight = theirs.weight

        def forward(self, a: Any) -> Any:
            return a + theirs(torch.arange(a.shape[1]))

    compare_module_with_torch(ours, TorchPositions(), x, name="learned positions")
    with pytest.raises(ValueError):
        ours(Tensor(np.zeros((1, 9, 4))))


# -------------------------------------------------------------------------------------------
# layer norm and the block


@pytest.mark.parametrize("affine", [True, False])
def test_layer_norm_matches_torch(affine):
    torch = _torch()
    rng = _rng(14)
    x = rng.normal(size=(2, 3, 5)) * 3 + 1
    if affine:
        w, b = rng.normal(size=5), rng.normal(size=5)
        compare_with_torch(lambda a, g, c: layer_norm(a, g, c),
                           lambda a, g, c: torch.nn.functional.layer_norm(a, (5,), g, c),
                           x, w, b, name="layer norm")
    else:
        compare_with_torch(lambda a: layer_norm(a, eps=1e-3),
                           lambda a: torch.nn.functional.layer_norm(a, (5,), eps=1e-3),
                           x, name="layer norm, no affine")
    with pytest.raises(ValueError):
        layer_norm(x, np.ones(4))


def _torch_block(E: int, H: int, seed: int = 0) -> Any:  # noqa: N803
    torch = _torch()
    torch.manual_seed(seed)
    layer = torch.nn.TransformerEncoderLayer(E, H, 4 * E, dropout=0.0, activation="gelu",
                                             batch_first=True, norm_first=True).double()
    with torch.no_grad():  # non-trivial norms and biases
        for name, p in layer.named_parameters():
            if "norm" in name or "bias" in name:
                p.add_(0.3 * torch.randn_like(p))
    return layer


class _Causal:
    def __init__(self, module: Any, torch_mask: Any = None) -> None:
        self.module, self.torch_mask = module, torch_mask

    def __call__(self, x: Any) -> Any:
        if self.torch_mask is None:
            return self.module(x, is_causal=True)
        return self.module(x, src_mask=self.torch_mask, is_causal=True)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.module, name)


def test_transformer_block_matches_torch_encoder_layer():
    torch = _torch()
    theirs = _torch_block(8, 2)
    ours = TransformerBlock(8, 2, dtype=np.float64)
    x = _rng(15).normal(size=(2, 5, 8))
    compare_module_with_torch(ours, theirs, x, name="block")
    tmask = torch.from_numpy(~causal_mask(5))
    compare_module_with_torch(_Causal(ours), _Causal(theirs, tmask), x, name="causal block")


def test_transformer_block_function_and_converters():
    torch = _torch()
    theirs = _torch_block(12, 3, seed=1)
    params = {k: v.detach().numpy() for k, v in theirs.state_dict().items()}
    x = _rng(16).normal(size=(3, 4, 12))
    tmask = torch.from_numpy(~causal_mask(4))
    expected = theirs(torch.from_numpy(x), src_mask=tmask, is_causal=True).detach().numpy()
    np.testing.assert_allclose(transformer_block(x, params, 3, is_causal=True), expected,
                               rtol=1e-10, atol=1e-12)
    ours = from_torch_block(theirs)
    np.testing.assert_allclose(ours(Tensor(x), is_causal=True).data, expected, rtol=1e-10,
                               atol=1e-12)
    again = to_torch_block(ours)
    np.testing.assert_allclose(again(torch.from_numpy(x), src_mask=tmask, is_causal=True)
                               .detach().numpy(), expected, rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError, match="missing"):
        transformer_block(x, {k: v for k, v in params.items() if k != "norm1.bias"}, 3)


def test_transformer_block_gradients_by_central_differences():
    block = TransformerBlock(4, 2, dtype=np.float64, rng=0)
    x = _rng(17).normal(size=(1, 3, 4))
    check_gradients_fd(lambda a: block(a, is_causal=True), x, name="block input")


def test_float32_block_runs_in_float32():
    block = TransformerBlock(8, 2, rng=0)
    out = block(Tensor(np.ones((1, 3, 8), dtype=np.float32)), is_causal=True)
    assert out.dtype == np.float32
