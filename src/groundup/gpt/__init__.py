"""``groundup.gpt``: a character-level GPT trained offline on Shakespeare (phase 5).

>>> from groundup.gpt import GPT, GPTConfig, train
>>> model = GPT(GPTConfig(vocab_size=78), rng=0)          # nanoGPT's CPU recipe sizes
>>> model.num_parameters() > 700_000
True

- :mod:`groundup.gpt.data`: the corpus, the character vocabulary, ``get_batch``;
- :mod:`groundup.gpt.model`: :class:`GPTConfig` and :class:`GPT` (nanoGPT's layout and names);
- :mod:`groundup.gpt.ops`: fused attention, linear, LayerNorm and cross-entropy with
  hand-written backward passes (what makes training fast enough on a laptop);
- :mod:`groundup.gpt.train`: :func:`train`, :func:`estimate_loss`, checkpoints, LoRA
  fine-tuning;
- :func:`torch_gpt`: the same model in PyTorch (imported only when called).
"""

from __future__ import annotations

from typing import Any

from groundup.gpt import data
from groundup.gpt.model import GPT, GPTConfig
from groundup.gpt.train import (
    TrainConfig,
    TrainHistory,
    default_checkpoint_path,
    estimate_loss,
    finetune_lora,
    load_checkpoint,
    save_checkpoint,
    train,
)

__all__ = ["GPT", "GPTConfig", "TrainConfig", "TrainHistory", "data", "default_checkpoint_path",
           "estimate_loss", "finetune_lora", "load_checkpoint", "save_checkpoint", "torch_gpt",
           "train"]


def torch_gpt(config: GPTConfig, dtype: Any = None) -> Any:
    """The PyTorch twin of :class:`GPT` (same parameter names); needs PyTorch.

    See :func:`groundup.gpt.torch_twin.torch_gpt`.
    """
    from groundup.gpt.torch_twin import torch_gpt as make

    return make(config, dtype)
