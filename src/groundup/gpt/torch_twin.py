"""The same GPT in PyTorch (nanoGPT's ``model.py``, trimmed), with the same parameter names.

Imported only when asked for (:func:`groundup.gpt.torch_gpt`): PyTorch is optional. The
reference tests load one model's weights into the other and compare logits, loss and every
gradient; the benchmark trains both on the same batches.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from groundup.gpt.model import GPT, GPTConfig

__all__ = ["from_torch", "to_torch", "torch_gpt"]


def _torch() -> Any:
    try:
        import torch
    except ImportError:
        raise ImportError("the PyTorch twin of the GPT needs PyTorch: pip install "
                          "'groundup[torch]'") from None
    return torch


def torch_gpt(config: GPTConfig, dtype: Any = None) -> Any:
    """A ``torch.nn.Module`` with :class:`~groundup.gpt.model.GPT`'s architecture and names.

    ``forward(idx, targets=None)`` returns ``(logits, loss)``; ``dtype`` is a torch dtype
    (default ``torch.float32``). Its initial weights are PyTorch's; load a groundup model's
    with :func:`to_torch` to compare the two.
    """
    torch = _torch()
    nn = torch.nn
    Module: Any = nn.Module  # a variable, so that mypy accepts it as a base class
    F = torch.nn.functional  # noqa: N806  (PyTorch's convention)

    class CausalSelfAttention(Module):
        def __init__(self) -> None:
            super().__init__()
            C = config.n_embd
            self.c_attn = nn.Linear(C, 3 * C, bias=config.bias)
            self.c_proj = nn.Linear(C, C, bias=config.bias)
            self.resid_dropout = nn.Dropout(config.dropout)

        def forward(self, x: Any) -> Any:
            B, T, C = x.shape
            q, k, v = self.c_attn(x).split(C, dim=2)
            hs = C // config.n_head
            q = q.view(B, T, config.n_head, hs).transpose(1, 2)  # (B, H, T, hs)
            k = k.view(B, T, config.n_head, hs).transpose(1, 2)
            v = v.view(B, T, config.n_head, hs).transpose(1, 2)
            y = F.scaled_dot_product_attention(
                q, k, v, dropout_p=config.dropout if self.training else 0.0, is_causal=True)
            y = y.transpose(1, 2).contiguous().view(B, T, C)  # (B, T, C)
            return self.resid_dropout(self.c_proj(y))

    class MLP(Module):
        def __init__(self) -> None:
            super().__init__()
            C = config.n_embd
            self.c_fc = nn.Linear(C, 4 * C, bias=config.bias)
            self.c_proj = nn.Linear(4 * C, C, bias=config.bias)
            self.dropout = nn.Dropout(config.dropout)

        def forward(self, x: Any) -> Any:
            return self.dropout(self.c_proj(F.gelu(self.c_fc(x))))

    class Block(Module):
        def __init__(self) -> None:
            super().__init__()
            self.ln_1 = nn.LayerNorm(config.n_embd, bias=config.bias)
            self.attn = CausalSelfAttention()
            self.ln_2 = nn.LayerNorm(config.n_embd, bias=config.bias)
            self.mlp = MLP()

        def forward(self, x: Any) -> Any:
            x = x + self.attn(self.ln_1(x))
            return x + self.mlp(self.ln_2(x))

    class TorchGPT(Module):
        def __init__(self) -> None:
            super().__init__()
            self.config = config
            self.transformer = nn.ModuleDict(dict(
                wte=nn.Embedding(config.vocab_size, config.n_embd),
                wpe=nn.Embedding(config.block_size, config.n_embd),
                drop=nn.Dropout(config.dropout),
                h=nn.ModuleList([Block() for _ in range(config.n_layer)]),
                ln_f=nn.LayerNorm(config.n_embd, bias=config.bias),
            ))
            self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
            if config.tie_weights:
                self.lm_head.weight = self.transformer.wte.weight
            for name, p in self.named_parameters():
                if name.endswith("c_proj.weight"):
                    nn.init.normal_(p, 0.0, 0.02 / math.sqrt(2 * config.n_layer))
                elif name.endswith(".bias"):
                    nn.init.zeros_(p)
                elif ".ln_" in name or name.startswith("transformer.ln_f"):
                    nn.init.ones_(p)
                else:
                    nn.init.normal_(p, 0.0, 0.02)

        def forward(self, idx: Any, targets: Any = None) -> tuple[Any, Any]:
            _, T = idx.shape
            pos = torch.arange(T, dtype=torch.long, device=idx.device)
            x = self.transformer.drop(self.transformer.wte(idx) + self.transformer.wpe(pos))
            for block in self.transformer.h:
                x = block(x)
            logits = self.lm_head(self.transformer.ln_f(x))  # (B, T, V)
            if targets is None:
                return logits, None
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))
            return logits, loss

    model = TorchGPT()
    return model.to(dtype if dtype is not None else torch.float32)


def to_torch(model: GPT, dtype: Any = None) -> Any:
    """A PyTorch twin holding a copy of ``model``'s weights (in ``dtype``, default the
    groundup model's)."""
    torch = _torch()
    if dtype is None:
        dtype = getattr(torch, str(model.transformer.wte.weight.dtype))
    twin = torch_gpt(model.config, dtype)
    state = {k: torch.from_numpy(np.ascontiguousarray(v)).to(dtype)
             for k, v in model.state_dict().items()}
    if model.config.tie_weights:
        state["lm_head.weight"] = state["transformer.wte.weight"]
    twin.load_state_dict(state)
    return twin


def from_torch(twin: Any, dtype: Any = np.float32) -> GPT:
    """A groundup :class:`~groundup.gpt.model.GPT` holding a copy of ``twin``'s weights."""
    model = GPT(twin.config, rng=0, dtype=dtype)
    model.load_state_dict({k: v.detach().cpu().numpy() for k, v in twin.state_dict().items()})
    return model
