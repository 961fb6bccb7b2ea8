r"""A GPT (decoder-only transformer) on the groundup engine, laid out as nanoGPT's ``model.py``.

Tokens go in as ids ``(B, T)``; the model adds a learned position vector to each token's
vector, runs ``n_layer`` pre-norm blocks (causal self-attention, then an MLP, each added back
to the residual stream) and a final LayerNorm, and maps every position to ``vocab_size``
logits: a score for each possible next token.

.. math::
    h_0 &= W_{te}[\text{idx}] + W_{pe}[0..T-1] \\
    h_{l}' &= h_{l-1} + \operatorname{Attn}(\operatorname{LN}_1(h_{l-1})), \qquad
    h_l = h_l' + \operatorname{MLP}(\operatorname{LN}_2(h_l')) \\
    \text{logits} &= \operatorname{LN}_f(h_L)\, W_{te}^\top \quad\text{(tied weights)}

Parameter names are nanoGPT's (``transformer.h.0.attn.c_attn.weight``, ...), so a state dict
moves between this model and :func:`groundup.gpt.torch_gpt`'s PyTorch twin unchanged.
"""

from __future__ import annotations

import math
import numbers
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from groundup import sampling
from groundup.gpt import ops
from groundup.nn.embedding import Embedding
from groundup.nn.modules import Dropout, Linear, Module, Sequential
from groundup.nn.normalization import LayerNorm
from groundup.nn.tensor import Tensor, no_grad

__all__ = ["GPT", "GPTConfig"]


@dataclass
class GPTConfig:
    """The size of a GPT. The defaults are nanoGPT's CPU recipe for Shakespeare.

    Attributes
    ----------
    vocab_size : int
        V, the number of distinct tokens (78 characters for the shipped plays).
    block_size : int
        T_max, the longest context the model sees.
    n_layer, n_head, n_embd : int
        Blocks, attention heads per block, and the width C (divisible by ``n_head``).
    dropout : float
        Dropout probability on embeddings, attention weights and residual branches.
    bias : bool
        Biases in the Linear layers and LayerNorms. Off by default, as in nanoGPT's
        ``train.py`` ("a bit better and faster"); GPT-2 has them (``bias=True``).
    tie_weights : bool
        Share the token embedding with the output layer (``lm_head.weight is wte.weight``).
    """

    vocab_size: int = 78
    block_size: int = 64
    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 128
    dropout: float = 0.0
    bias: bool = False
    tie_weights: bool = True

    def __post_init__(self) -> None:
        for name in ("vocab_size", "block_size", "n_layer", "n_head", "n_embd"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
                raise ValueError(f"GPTConfig.{name} must be a positive int, got {value!r}")
        if self.n_embd % self.n_head:
            raise ValueError(f"n_embd ({self.n_embd}) must be divisible by n_head "
                             f"({self.n_head})")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout!r}")


class FusedLinear(Linear):
    """:class:`groundup.nn.Linear` computed by the fused :func:`groundup.gpt.ops.linear`."""

    def forward(self, x: Tensor) -> Tensor:
        return ops.linear(x, self.weight, self.bias)


class FusedLayerNorm(LayerNorm):
    """:class:`groundup.nn.LayerNorm` over the last axis, computed in one fused node."""

    def forward(self, x: Tensor) -> Tensor:
        if x.shape[-1:] != self.normalized_shape:
            raise ValueError(f"LayerNorm{self.normalized_shape} got shape {x.shape}")
        return ops.layer_norm(x, self.weight, self.bias, self.eps)


class CausalSelfAttention(Module):
    """Multi-head causal self-attention: ``c_attn`` makes q, k, v; ``c_proj`` mixes the
    heads."""

    def __init__(self, config: GPTConfig, rng: np.random.Generator) -> None:
        super().__init__()
        C = config.n_embd
        self.c_attn = FusedLinear(C, 3 * C, bias=config.bias, rng=rng)
        self.c_proj = FusedLinear(C, C, bias=config.bias, rng=rng)
        self.resid_dropout = Dropout(config.dropout, rng=rng)
        self.n_head = config.n_head
        self.dropout = config.dropout
        self.rng = rng

    def forward(self, x: Tensor) -> Tensor:
        qkv = self.c_attn(x)  # (B, T, 3C)
        y = ops.causal_attention(qkv, self.n_head, self.dropout, self.training,
                                 self.rng)  # (B, T, C)
        return self.resid_dropout(self.c_proj(y))  # (B, T, C)


class MLP(Module):
    """Position-wise feed-forward: ``C -> 4C -> GELU -> C``."""

    def __init__(self, config: GPTConfig, rng: np.random.Generator) -> None:
        super().__init__()
        C = config.n_embd
        self.c_fc = FusedLinear(C, 4 * C, bias=config.bias, rng=rng)
        self.c_proj = FusedLinear(4 * C, C, bias=config.bias, rng=rng)
        self.dropout = Dropout(config.dropout, rng=rng)

    def forward(self, x: Tensor) -> Tensor:
        h = ops.gelu(self.c_fc(x))  # (B, T, 4C)
        return self.dropout(self.c_proj(h))  # (B, T, C)


class Block(Module):
    """One transformer block, pre-norm: ``x + attn(ln_1(x))``, then ``x + mlp(ln_2(x))``."""

    def __init__(self, config: GPTConfig, rng: np.random.Generator) -> None:
        super().__init__()
        self.ln_1 = FusedLayerNorm(config.n_embd, bias=config.bias)
        self.attn = CausalSelfAttention(config, rng)
        self.ln_2 = FusedLayerNorm(config.n_embd, bias=config.bias)
        self.mlp = MLP(config, rng)

    def forward(self, x: Tensor) -> Tensor:
        x = x + self.attn(self.ln_1(x))  # (B, T, C)
        return x + self.mlp(self.ln_2(x))  # (B, T, C)


class _Transformer(Module):
    """nanoGPT's ``transformer`` ModuleDict: ``wte``, ``wpe``, ``drop``, ``h``, ``ln_f``."""

    def __init__(self, config: GPTConfig, rng: np.random.Generator) -> None:
        super().__init__()
        self.wte = Embedding(config.vocab_size, config.n_embd)
        self.wpe = Embedding(config.block_size, config.n_embd)
        self.drop = Dropout(config.dropout, rng=rng)
        self.h = Sequential(*(Block(config, rng) for _ in range(config.n_layer)))
        self.ln_f = FusedLayerNorm(config.n_embd, bias=config.bias)


class GPT(Module):
    """A GPT language model (nanoGPT's architecture and initialisation).

    Parameters
    ----------
    config : GPTConfig
    rng : numpy Generator, int seed or None
        Draws the initial weights: every weight :math:`\\mathcal N(0, 0.02^2)`, the residual
        projections ``c_proj`` :math:`\\mathcal N(0, (0.02/\\sqrt{2 L})^2)` (so that the
        residual stream does not grow with depth), biases zero, LayerNorms (1, 0).

    Examples
    --------
    >>> model = GPT(GPTConfig(vocab_size=10, block_size=8, n_layer=1, n_head=2, n_embd=16),
    ...             rng=0)
    >>> logits, loss = model(np.zeros((2, 5), dtype=np.int64), np.ones((2, 5), dtype=np.int64))
    >>> logits.shape, round(loss.item(), 1)    # about ln(10) before training
    ((2, 5, 10), 2.3)
    """

    config: GPTConfig

    def __init__(self, config: GPTConfig, rng: np.random.Generator | int | None = None,
                 dtype: Any = np.float32) -> None:
        super().__init__()
        if not isinstance(config, GPTConfig):
            raise TypeError(f"config must be a GPTConfig, got {type(config).__name__}")
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        self.config = config
        self.transformer = _Transformer(config, gen)
        self.lm_head = FusedLinear(config.n_embd, config.vocab_size, bias=False, rng=gen)
        if config.tie_weights:
            self.lm_head.weight = self.transformer.wte.weight
        self._init_weights(gen, np.dtype(dtype))

    def _init_weights(self, gen: np.random.Generator, dtype: np.dtype) -> None:
        std_proj = 0.02 / math.sqrt(2 * self.config.n_layer)
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                p.data = gen.normal(0.0, std_proj, size=p.shape).astype(dtype)
            elif name.endswith(".bias"):
                p.data = np.zeros(p.shape, dtype=dtype)
            elif ".ln_" in name or name.startswith("transformer.ln_f"):
                p.data = np.ones(p.shape, dtype=dtype)
            else:  # Linear and Embedding weights
                p.data = gen.normal(0.0, 0.02, size=p.shape).astype(dtype)

    def num_parameters(self, non_embedding: bool = True) -> int:
        """The number of parameters (a tied weight counted once); without the position
        embeddings when ``non_embedding``, as nanoGPT reports it."""
        n = sum(p.size for p in self.parameters())
        if non_embedding:
            n -= self.transformer.wpe.weight.size
        return n

    def forward(self, idx: Any, targets: Any = None) -> tuple[Tensor, Tensor | None]:
        """Logits for every position, and the mean cross-entropy if ``targets`` are given.

        Parameters
        ----------
        idx : int array, shape (B, T) with T <= block_size
        targets : int array, shape (B, T), optional
            The next token at each position.

        Returns
        -------
        (logits, loss) : Tensor of shape (B, T, V), scalar Tensor or None
        """
        ids = np.asarray(idx.data if isinstance(idx, Tensor) else idx)
        if ids.ndim != 2 or not np.issubdtype(ids.dtype, np.integer):
            raise ValueError(f"idx must be a (B, T) array of integer ids, got shape {ids.shape}, "
                             f"dtype {ids.dtype}")
        B, T = ids.shape
        if self.config.block_size < T:
            raise ValueError(f"cannot forward a sequence of length {T}: block_size is "
                             f"{self.config.block_size}")
        tr = self.transformer
        tok = tr.wte(ids)  # (B, T, C)
        pos = tr.wpe(np.arange(T))  # (T, C)
        x = tr.drop(tok + pos)  # (B, T, C)
        x = tr.h(x)  # (B, T, C)
        x = tr.ln_f(x)  # (B, T, C)
        logits = self.lm_head(x)  # (B, T, V)
        if targets is None:
            return logits, None
        t = np.asarray(targets.data if isinstance(targets, Tensor) else targets)
        if t.shape != (B, T):
            raise ValueError(f"targets must have the shape of idx {(B, T)}, got {t.shape}")
        loss = ops.cross_entropy(logits.reshape(B * T, -1), t.reshape(-1).astype(np.int64))
        return logits, loss

    def generate(self, idx: Any, max_new_tokens: int, temperature: float = 1.0,
                 top_k: int | None = None, top_p: float | None = None,
                 rng: np.random.Generator | int | None = None) -> np.ndarray:
        """Extend each row of ``idx`` by ``max_new_tokens`` sampled tokens.

        At every step the context is cropped to the last ``block_size`` tokens, the logits of
        the last position go through :func:`groundup.sampling.sample` (temperature, then
        top-k, then top-p) and the drawn token is appended.

        Returns
        -------
        np.ndarray of int64, shape (B, T + max_new_tokens)
        """
        out = np.array(idx, dtype=np.int64, copy=True)
        if out.ndim != 2:
            raise ValueError(f"idx must be a (B, T) array of ids, got shape {out.shape}")
        if isinstance(max_new_tokens, bool) or not isinstance(max_new_tokens, numbers.Integral) \
                or max_new_tokens < 0:
            raise ValueError(f"max_new_tokens must be a non-negative int, got {max_new_tokens!r}")
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        was_training = self.training
        self.eval()
        try:
            with no_grad():
                for _ in range(int(max_new_tokens)):
                    context = out[:, -self.config.block_size:]  # (B, <= block_size)
                    logits, _ = self(context)  # (B, T, V)
                    last = logits.data[:, -1, :].astype(np.float64)  # (B, V)
                    nxt = sampling.sample(last, gen, temperature=temperature, top_k=top_k,
                                          top_p=top_p)  # (B,)
                    out = np.concatenate([out, nxt[:, None]], axis=1)
        finally:
            self.train(was_training)
        return out

    def load_state_dict(self, state_dict: Mapping[str, Any], strict: bool = True) -> None:
        """As :meth:`Module.load_state_dict`; with tied weights, a ``lm_head.weight`` entry (a
        PyTorch ``state_dict`` lists a shared tensor under both names) is accepted."""
        state = OrderedDict(state_dict)
        if self.config.tie_weights:
            state.pop("lm_head.weight", None)
        super().load_state_dict(state, strict=strict)

    def config_dict(self) -> dict[str, Any]:
        """The configuration as a plain dictionary."""
        return asdict(self.config)

