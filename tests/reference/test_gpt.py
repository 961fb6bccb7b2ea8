"""groundup.gpt, groundup.sampling and groundup.lora against PyTorch and transformers.

The GPT's logits, loss and every parameter's gradient are compared with a PyTorch twin holding
the same weights (float64 and float32); each fused op is compared with the PyTorch operations
it replaces; the sampling filters with transformers' ``TopKLogitsWarper``/``TopPLogitsWarper``.
The full 2000-iteration training is marked slow.
"""

from __future__ import annotations

import gzip
import math
import time
from pathlib import Path

import numpy as np
import pytest
from torch_compare import compare_with_torch

from groundup import lora, sampling
from groundup.gpt import GPT, GPTConfig, data, ops
from groundup.gpt.train import (
    TrainConfig,
    estimate_loss,
    finetune_lora,
    get_lr,
    load_checkpoint,
    save_checkpoint,
    train,
)
from groundup.nn import Linear, Tensor, no_grad

SMALL = GPTConfig(vocab_size=23, block_size=16, n_layer=2, n_head=4, n_embd=32)


def _batch(config: GPTConfig, B: int = 3, T: int = 11, seed: int = 0
           ) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return (rng.integers(0, config.vocab_size, (B, T)),
            rng.integers(0, config.vocab_size, (B, T)))


# ------------------------------------------------------------------------------------------
# corpus and batches


def test_corpus_shipped_and_split():
    vocab, train_ids, val_ids = data.load_corpus()
    text = data.load_text("shakespeare")
    assert 1_000_000 < len(text) < 1_300_000
    assert vocab.size == len(set(text)) == 78
    assert len(train_ids) == int(0.9 * len(text)) and len(train_ids) + len(val_ids) == len(text)
    assert vocab.decode(val_ids[-20:]) == text[-20:]
    sonnets = data.load_text("sonnets")
    assert set(sonnets) <= set(vocab.chars) and "From fairest creatures" in sonnets
    raw = (Path(data.__file__).parents[1] / "data" / "shakespeare.txt.gz").read_bytes()
    assert gzip.decompress(raw).decode("ascii") == text
    assert "\r" not in text and "Gutenberg" not in text


def test_vocab_round_trip_and_errors():
    vocab = data.Vocab.from_text("to be or not")
    assert vocab.decode(vocab.encode("not to be")) == "not to be"
    with pytest.raises(ValueError, match="not in the vocabulary"):
        vocab.encode("x")


def test_get_batch_blocks_and_shifted_targets():
    ids = np.arange(100) * 3
    x, y = data.get_batch(ids, 5, 8, rng=np.random.default_rng(0))
    assert x.shape == y.shape == (5, 8) and x.dtype == np.int64
    starts = np.random.default_rng(0).integers(0, 100 - 8, size=5)
    assert np.array_equal(x, ids[starts[:, None] + np.arange(8)])
    assert np.array_equal(y, ids[starts[:, None] + np.arange(1, 9)])
    # every start is reachable, the last block ends on the last id
    x, y = data.get_batch(np.arange(9), 50, 8, rng=1)
    assert (x[:, 0] == 0).all() and (y[:, -1] == 8).all()
    with pytest.raises(ValueError):
        data.get_batch(np.arange(8), 2, 8)
    with pytest.raises(ValueError):
        data.get_batch(np.arange(20.0), 2, 8)
    with pytest.raises(ValueError):
        data.get_batch("test", 2, 8)
    x, _ = data.get_batch("val", 2, 8, rng=0)
    assert x.shape == (2, 8)


# ------------------------------------------------------------------------------------------
# fused ops against the PyTorch operations they replace


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_fused_linear(dtype):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    compare_with_torch(ops.linear, torch.nn.functional.linear, rng.normal(size=(2, 5, 4)),
                       rng.normal(size=(3, 4)), rng.normal(size=3), dtype=dtype, name="linear")
    compare_with_torch(lambda x, w: ops.linear(x, w), torch.nn.functional.linear,
                       rng.normal(size=(7, 4)), rng.normal(size=(3, 4)), dtype=dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_fused_layer_norm(dtype):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    compare_with_torch(lambda x, w, b: ops.layer_norm(x, w, b),
                       lambda x, w, b: torch.nn.functional.layer_norm(x, (6,), w, b),
                       rng.normal(size=(2, 3, 6)) * 3 + 1, rng.normal(size=6),
                       rng.normal(size=6), dtype=dtype, name="layer_norm")
    compare_with_torch(lambda x: ops.layer_norm(x, None, None),
                       lambda x: torch.nn.functional.layer_norm(x, (6,)),
                       rng.normal(size=(4, 6)), dtype=dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_fused_gelu(dtype):
    torch = pytest.importorskip("torch")
    x = np.random.default_rng(2).normal(size=(4, 50)) * 3
    x[0, :6] = [0.0, -12.0, 12.0, 1e-9, -30.0, 5.5]
    compare_with_torch(ops.gelu, torch.nn.functional.gelu, x, dtype=dtype, name="gelu")


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("T", [1, 7])
def test_fused_causal_attention(dtype, T):
    torch = pytest.importorskip("torch")
    B, H, C = 2, 4, 16

    def ref(qkv):
        q, k, v = qkv.split(C, dim=2)
        heads = [t.view(B, T, H, C // H).transpose(1, 2) for t in (q, k, v)]
        y = torch.nn.functional.scaled_dot_product_attention(*heads, is_causal=True)
        return y.transpose(1, 2).reshape(B, T, C)

    compare_with_torch(lambda qkv: ops.causal_attention(qkv, H), ref,
                       np.random.default_rng(3).normal(size=(B, T, 3 * C)), dtype=dtype,
                       name="attention")


def test_attention_is_causal():
    qkv = np.random.default_rng(4).normal(size=(1, 6, 24))
    out = ops.causal_attention(Tensor(qkv), 2).data
    changed = qkv.copy()
    changed[0, 4:] += 10.0  # the future of positions 0..3
    assert np.allclose(ops.causal_attention(Tensor(changed), 2).data[0, :4], out[0, :4])


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_fused_cross_entropy(dtype):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    t = rng.integers(0, 9, 12)
    compare_with_torch(lambda z, t: ops.cross_entropy(z, t),
                       torch.nn.functional.cross_entropy, rng.normal(size=(12, 9)) * 4, t,
                       dtype=dtype, name="cross_entropy")
    with pytest.raises(ValueError):
        ops.cross_entropy(Tensor(np.zeros((2, 3))), np.array([0, 3]))


# ------------------------------------------------------------------------------------------
# the whole model against its PyTorch twin


@pytest.mark.parametrize(("dtype", "rtol", "atol"), [(np.float64, 1e-9, 1e-12),
                                                     (np.float32, 2e-4, 2e-6)])
@pytest.mark.parametrize(("tie", "bias"), [(True, False), (False, False), (True, True)])
def test_gpt_matches_torch_twin(dtype, rtol, atol, tie, bias):
    torch = pytest.importorskip("torch")
    from groundup.gpt.torch_twin import to_torch

    config = GPTConfig(**{**SMALL.__dict__, "tie_weights": tie, "bias": bias})
    model = GPT(config, rng=0, dtype=dtype)
    twin = to_torch(model)
    theirs = {k for k, _ in twin.named_parameters()}
    assert [k for k, _ in model.named_parameters()] == [k for k, _ in twin.named_parameters()]
    assert theirs == set(model.state_dict())
    assert any(k.endswith(".bias") for k in theirs) == bias
    idx, targets = _batch(config)
    logits, loss = model(idx, targets)
    t_logits, t_loss = twin(torch.from_numpy(idx), torch.from_numpy(targets))
    assert logits.dtype == dtype and loss.dtype == dtype
    np.testing.assert_allclose(logits.data, t_logits.detach().numpy(), rtol=rtol, atol=atol)
    np.testing.assert_allclose(loss.item(), t_loss.item(), rtol=rtol, atol=atol)
    loss.backward()
    t_loss.backward()
    grads = dict(twin.named_parameters())
    for name, p in model.named_parameters():
        assert p.grad is not None, name
        g_ref = grads[name].grad.numpy()
        scale = np.abs(g_ref).max()
        np.testing.assert_allclose(p.grad, g_ref, rtol=rtol * 10, atol=atol + rtol * scale,
                                   err_msg=f"gradient of {name}")


@pytest.mark.parametrize("bias", [False, True])
def test_gpt_state_dict_round_trip_through_torch(bias):
    pytest.importorskip("torch")
    from groundup.gpt.torch_twin import from_torch, to_torch

    model = GPT(GPTConfig(**{**SMALL.__dict__, "bias": bias}), rng=1)
    back = from_torch(to_torch(model))
    idx, _ = _batch(SMALL)
    with no_grad():
        assert np.array_equal(model(idx)[0].data, back(idx)[0].data)


def test_default_config_is_nanogpt_cpu_recipe():
    """nanoGPT's README CPU run of ``train_shakespeare_char`` (its ``train.py`` sets
    ``bias=False``), and the optimiser settings of that configuration."""
    config, tc = GPTConfig(), TrainConfig()
    assert (config.block_size, config.n_layer, config.n_head, config.n_embd) == (64, 4, 4, 128)
    assert config.dropout == 0.0 and config.bias is False and config.tie_weights
    assert (tc.batch_size, tc.lr, tc.min_lr, tc.warmup_iters) == (12, 1e-3, 1e-4, 100)
    assert (tc.weight_decay, tc.betas, tc.grad_clip) == (0.1, (0.9, 0.99), 1.0)
    model = GPT(GPTConfig(vocab_size=78), rng=0)
    assert not any(name.endswith(".bias") for name in model.state_dict())
    # 12 C^2 weights per block, 2 LayerNorm weights per block, ln_f, wte (tied), wpe
    C = 128
    assert model.num_parameters(non_embedding=False) == 4 * (12 * C * C + 2 * C) + C + \
        78 * C + 64 * C


def test_gpt_shapes_init_and_errors():
    model = GPT(SMALL, rng=0)
    idx, targets = _batch(SMALL, T=SMALL.block_size)
    logits, loss = model(idx, targets)
    assert logits.shape == (3, 16, 23)
    assert abs(loss.item() - math.log(23)) < 0.1  # an untrained model guesses uniformly
    assert model.lm_head.weight is model.transformer.wte.weight
    proj = model.transformer.h[0].attn.c_proj.weight.data
    assert abs(proj.std() - 0.02 / math.sqrt(4)) < 0.003
    assert model(idx)[1] is None
    with pytest.raises(ValueError, match="block_size"):
        model(np.zeros((1, 17), dtype=np.int64))
    with pytest.raises(ValueError):
        model(np.zeros((1, 4)))
    with pytest.raises(ValueError):
        GPTConfig(n_embd=30, n_head=4)


def test_generate_is_deterministic_for_a_seed():
    model = GPT(SMALL, rng=0)
    start = np.array([[1, 2, 3]])
    a = model.generate(start, 30, temperature=0.8, top_k=10, rng=7)
    b = model.generate(start, 30, temperature=0.8, top_k=10, rng=7)
    c = model.generate(start, 30, temperature=0.8, top_k=10, rng=8)
    assert a.shape == (1, 33) and np.array_equal(a, b) and not np.array_equal(a, c)
    assert np.array_equal(a[:, :3], start) and model.training
    greedy = model.generate(start, 20, temperature=0)  # longer than block_size: cropped
    with no_grad():
        logits, _ = model(greedy[:, -SMALL.block_size - 1:-1])
    assert greedy[0, -1] == logits.data[0, -1].argmax()


def test_training_lowers_the_loss_and_checkpoint_round_trip(tmp_path):
    vocab, train_ids, val_ids = data.load_corpus()
    config = GPTConfig(vocab_size=vocab.size, block_size=16, n_layer=1, n_head=2, n_embd=32)
    tc = TrainConfig(batch_size=8, eval_interval=30, eval_iters=4, warmup_iters=5)
    model, hist = train(config, iters=60, train_config=tc, progress=False,
                        data=(train_ids[:50_000], val_ids[:20_000]))
    assert hist.eval_iters == [0, 30, 60] and len(hist.step_loss) == 60
    assert hist.val_loss[-1] < hist.val_loss[0] - 0.5
    path = save_checkpoint(model, tmp_path / "checkpoints" / "gpt.npz", vocab)
    loaded, vocab2 = load_checkpoint(path)
    assert vocab2 == vocab and loaded.config == config
    idx, _ = _batch(config, T=10)
    with no_grad():
        assert np.array_equal(model(idx)[0].data, loaded(idx)[0].data)
    with pytest.raises(FileNotFoundError):
        load_checkpoint(tmp_path / "missing.npz")


def test_lr_schedule_is_nanogpt_s():
    assert get_lr(0, 1e-3, 1e-4, 100, 2000) == pytest.approx(1e-3 / 101)
    assert get_lr(100, 1e-3, 1e-4, 100, 2000) == pytest.approx(1e-3)
    assert get_lr(1050, 1e-3, 1e-4, 100, 2000) == pytest.approx(5.5e-4)
    assert get_lr(2000, 1e-3, 1e-4, 100, 2000) == pytest.approx(1e-4)


def test_estimate_loss_is_the_mean_over_batches():
    model = GPT(SMALL, rng=0)
    ids = np.random.default_rng(0).integers(0, 23, 500)
    est = estimate_loss(model, ids, 3, 4, rng=5)
    rng = np.random.default_rng(5)
    losses = []
    for _ in range(3):
        x, y = data.get_batch(ids, 4, 16, rng)
        losses.append(model(x, y)[1].item())
    assert est == pytest.approx(np.mean(losses), rel=1e-6)


# ------------------------------------------------------------------------------------------
# sampling against transformers' logits warpers


def _warper_ref(warper, logits: np.ndarray) -> np.ndarray:
    torch = pytest.importorskip("torch")
    return warper(None, torch.from_numpy(np.atleast_2d(logits))).numpy().reshape(logits.shape)


@pytest.mark.parametrize("k", [1, 3, 10, 50])
def test_top_k_matches_transformers(k):
    tl = pytest.importorskip("transformers.generation.logits_process")
    logits = np.random.default_rng(k).normal(size=(4, 20)) * 2
    logits[0, :4] = 5.0  # ties at the top
    expected = _warper_ref(tl.TopKLogitsWarper(top_k=k), logits)
    np.testing.assert_array_equal(sampling.top_k_filter(logits, k), expected)


@pytest.mark.parametrize("p", [0.05, 0.3, 0.7, 0.9, 0.999, 1.0])
def test_top_p_matches_transformers(p):
    tl = pytest.importorskip("transformers.generation.logits_process")
    logits = np.random.default_rng(int(p * 1000)).normal(size=(6, 30)) * 2
    expected = _warper_ref(tl.TopPLogitsWarper(top_p=p), logits)
    np.testing.assert_array_equal(sampling.top_p_filter(logits, p), expected)
    one = logits[2]
    np.testing.assert_array_equal(sampling.top_p_filter(one, p), expected[2])


def test_softmax_with_temperature_matches_torch():
    torch = pytest.importorskip("torch")
    z = np.random.default_rng(0).normal(size=(3, 10)) * 5
    for tau in (0.1, 0.7, 1.0, 2.5):
        ref = torch.softmax(torch.from_numpy(z) / tau, dim=-1).numpy()
        np.testing.assert_allclose(sampling.softmax_with_temperature(z, tau), ref, rtol=1e-12,
                                   atol=1e-15)
    filtered = sampling.top_k_filter(z, 2)
    assert (sampling.softmax_with_temperature(filtered)[filtered == -np.inf] == 0).all()
    for bad in (0, -1.0, float("nan")):
        with pytest.raises(ValueError):
            sampling.softmax_with_temperature(z, bad)
    for bad_k in (0, 2.5):
        with pytest.raises(ValueError):
            sampling.top_k_filter(z, bad_k)
    for bad_p in (0.0, 1.5):
        with pytest.raises(ValueError):
            sampling.top_p_filter(z, bad_p)


def test_sample_follows_the_distribution():
    probs = np.array([0.5, 0.3, 0.15, 0.05])
    logits = np.tile(np.log(probs), (40_000, 1))
    draws = sampling.sample(logits, rng=0)
    freq = np.bincount(draws, minlength=4) / len(draws)
    assert np.allclose(freq, probs, atol=0.01)
    top = sampling.sample(logits, rng=0, top_k=2)
    assert set(np.unique(top)) == {0, 1}
    assert np.bincount(top)[0] / len(top) == pytest.approx(0.5 / 0.8, abs=0.01)
    nucleus = sampling.sample(logits, rng=0, top_p=0.6)
    assert set(np.unique(nucleus)) == {0, 1}
    assert np.array_equal(sampling.sample(logits[:5], rng=3), sampling.sample(logits[:5], rng=3))
    assert int(sampling.sample([1.0, 3.0, 2.0], temperature=0)) == 1


# ------------------------------------------------------------------------------------------
# LoRA


def test_lora_forward_matches_torch_and_b_zero_is_base():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    base = Linear(6, 5, dtype=np.float64, rng=0)
    layer = lora.LoRALinear(base, r=2, alpha=4, rng=1)
    x = rng.normal(size=(3, 4, 6))
    assert np.allclose(layer(Tensor(x)).data, base(Tensor(x)).data)  # B = 0 at the start
    layer.lora_B.data = rng.normal(size=(5, 2))
    W, b = base.weight.data, base.bias.data
    A, B = layer.lora_A.data, layer.lora_B.data
    tx = torch.from_numpy(x)
    ref = torch.nn.functional.linear(tx, torch.from_numpy(W), torch.from_numpy(b)) + \
        2.0 * (tx @ torch.from_numpy(A).T) @ torch.from_numpy(B).T
    np.testing.assert_allclose(layer(Tensor(x)).data, ref.numpy(), rtol=1e-12)
    np.testing.assert_allclose(lora.lora_forward(x, W, b, A, B, 4), ref.numpy(), rtol=1e-12)
    merged = layer.merged()
    np.testing.assert_allclose(merged(Tensor(x)).data, ref.numpy(), rtol=1e-10)


def test_lora_only_a_and_b_get_gradients():
    torch = pytest.importorskip("torch")
    model = GPT(SMALL, rng=0, dtype=np.float64)
    lora.apply_lora(model, targets=("c_attn",), r=4, rng=0)
    trainable = {n for n, p in model.named_parameters() if p.requires_grad}
    assert trainable == {f"transformer.h.{i}.attn.c_attn.lora_{m}" for i in range(2)
                         for m in "AB"}
    n_train, n_total = lora.count_parameters(model)
    assert n_train == 2 * lora.lora_parameter_count(32, 96, 4) == 2 * 4 * (32 + 96)
    assert n_total == GPT(SMALL, rng=0).num_parameters(non_embedding=False) + n_train
    for p in lora.lora_parameters(model):
        if p.shape[0] == 96:
            p.data = np.random.default_rng(1).normal(size=p.shape) * 0.1
    idx, targets = _batch(SMALL)
    _, loss = model(idx, targets)
    loss.backward()
    for name, p in model.named_parameters():
        assert (p.grad is not None) == (name in trainable), name
    # the gradients of A and B are torch's for the same computation
    blk = model.transformer.h[0].attn.c_attn
    x = np.random.default_rng(2).normal(size=(2, 5, 32))
    A = torch.tensor(blk.lora_A.data, requires_grad=True)
    B = torch.tensor(blk.lora_B.data, requires_grad=True)
    assert blk.base.bias is None  # the recipe has no biases
    W = torch.from_numpy(blk.base.weight.data)
    w_up = np.random.default_rng(3).normal(size=(2, 5, 96))
    tx = torch.from_numpy(x)
    ref = torch.nn.functional.linear(tx, W) + blk.scaling * (tx @ A.T) @ B.T
    (ref * torch.from_numpy(w_up)).sum().backward()
    blk.lora_A.grad = blk.lora_B.grad = None
    (blk(Tensor(x)) * Tensor(w_up)).sum().backward()
    np.testing.assert_allclose(blk.lora_A.grad, A.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(blk.lora_B.grad, B.grad.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("bias", [False, True])
def test_lora_merge_keeps_the_outputs(bias):
    model = GPT(GPTConfig(**{**SMALL.__dict__, "bias": bias}), rng=0, dtype=np.float64)
    lora.apply_lora(model, r=4, rng=0)
    for p in lora.lora_parameters(model):
        p.data = np.random.default_rng(1).normal(size=p.shape) * 0.05
    idx, _ = _batch(SMALL)
    with no_grad():
        before = model(idx)[0].data
        lora.merge(model)
        after = model(idx)[0].data
    assert not any(isinstance(m, lora.LoRALinear) for m in model.modules())
    np.testing.assert_allclose(after, before, rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError):
        lora.apply_lora(model, targets=("nothing",))
    with pytest.raises(ValueError):
        lora.lora_parameter_count(4, 8, 5)


def test_lora_finetune_lowers_the_loss_on_new_text():
    vocab, train_ids, val_ids = data.load_corpus()
    config = GPTConfig(vocab_size=vocab.size, block_size=16, n_layer=1, n_head=2, n_embd=32)
    tc = TrainConfig(batch_size=8, eval_interval=100, eval_iters=2, warmup_iters=5)
    model, _ = train(config, iters=100, train_config=tc, progress=False,
                     data=(train_ids[:50_000], val_ids[:5_000]))
    frozen = {k: v.copy() for k, v in model.state_dict().items()}
    result = finetune_lora(model, data.load_text("sonnets")[:30_000], vocab, iters=60, r=4)
    assert result["trainable"] == 4 * (32 + 96)
    assert result["val_after"] < result["val_before"]
    for key, value in frozen.items():
        if "c_attn" not in key:
            assert np.array_equal(model.state_dict()[key], value), key


# ------------------------------------------------------------------------------------------
# the full recipe (minutes)


@pytest.mark.slow
def test_full_training_reaches_val_loss_1_9(tmp_path):
    start = time.perf_counter()
    model, hist = train(iters=2000, progress=False, checkpoint=tmp_path / "gpt.npz")
    elapsed = time.perf_counter() - start
    vocab, _, val_ids = data.load_corpus()
    val = estimate_loss(model, val_ids, 200, 12, rng=0)
    print(f"\nfull training: {elapsed:.0f} s ({hist.seconds_per_step * 1e3:.1f} ms/step), "
          f"val loss {val:.3f} (estimates {hist.val_loss})")
    assert val <= 1.9
    assert (tmp_path / "gpt.npz").exists()
