r"""Training the GPT: nanoGPT's recipe (AdamW, warm-up then cosine decay, gradient clipping),
validation loss estimates, checkpoints in the learner's workspace, and LoRA fine-tuning.

The CPU recipe (Karpathy's nanoGPT README: 4 layers, 4 heads, 128 dimensions, context 64,
batch 12, 2000 iterations, no dropout, and nanoGPT ``train.py``'s ``bias=False``: no biases
in the Linear layers and LayerNorms) reaches a validation loss near 1.9 nats per character
on the shipped plays in a few minutes. Checkpoints are ``.npz`` files written by
:func:`groundup.nn.save`, in the workspace's ``checkpoints/`` folder: they are the learner's,
never part of the package.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from groundup.gpt.data import Vocab, get_batch, load_corpus
from groundup.gpt.model import GPT, GPTConfig
from groundup.nn.modules import Module
from groundup.nn.tensor import no_grad

__all__ = ["TrainConfig", "TrainHistory", "default_checkpoint_path", "estimate_loss",
           "finetune_lora", "get_lr", "lm_loss", "load_checkpoint", "save_checkpoint", "train",
           "train_step"]


@dataclass
class TrainConfig:
    """nanoGPT's ``train_shakespeare_char`` settings, with the CPU recipe's sizes.

    The learning rate decays over all the iterations of the run (``lr_decay_iters =
    max_iters``, as in the README's CPU command)."""

    batch_size: int = 12
    lr: float = 1e-3
    min_lr: float = 1e-4
    warmup_iters: int = 100
    weight_decay: float = 0.1
    betas: tuple[float, float] = (0.9, 0.99)
    grad_clip: float = 1.0
    eval_interval: int = 250
    eval_iters: int = 20


@dataclass
class TrainHistory:
    """What :func:`train` measured: the training loss of every step and, every
    ``eval_interval`` steps, estimates of the training and validation losses."""

    step_loss: list[float] = field(default_factory=list)
    eval_iters: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    time_s: float = 0.0

    @property
    def seconds_per_step(self) -> float:
        return self.time_s / max(len(self.step_loss), 1)


def get_lr(it: int, lr: float, min_lr: float, warmup_iters: int, decay_iters: int) -> float:
    r"""nanoGPT's schedule: linear warm-up, then cosine decay from ``lr`` to ``min_lr``.

    .. math:: \eta_t = \begin{cases} \eta\, \frac{t+1}{w+1} & t < w \\
              \eta_\min + \tfrac12 \big(1 + \cos \pi \frac{t - w}{D - w}\big)
              (\eta - \eta_\min) & w \le t \le D \\ \eta_\min & t > D \end{cases}
    """
    if it < warmup_iters:
        return lr * (it + 1) / (warmup_iters + 1)
    if it > decay_iters:
        return min_lr
    ratio = (it - warmup_iters) / max(decay_iters - warmup_iters, 1)
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * ratio)) * (lr - min_lr)


def lm_loss(logits: Any, targets: Any) -> float:
    r"""The language-model loss in NumPy: the mean over all :math:`B T` positions of
    :math:`-\log \operatorname{softmax}(z_{b,t})_{y_{b,t}}`.

    .. math:: L = -\frac{1}{BT} \sum_{b,t} \Big(z_{b,t,y_{b,t}} - m_{b,t}
              - \log \sum_v e^{z_{b,t,v} - m_{b,t}}\Big), \qquad m_{b,t} = \max_v z_{b,t,v}

    Parameters
    ----------
    logits : array_like, shape (B, T, V)
    targets : int array_like, shape (B, T)

    Returns
    -------
    float (nats per token; :math:`\ln V` for a model that knows nothing)

    Raises
    ------
    ValueError
        If the shapes do not match or a target is not an id in ``[0, V)``.

    Examples
    --------
    >>> round(lm_loss(np.zeros((1, 2, 4)), [[0, 3]]), 4)     # ln 4
    1.3863
    """
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    if z.ndim < 2 or t.shape != z.shape[:-1]:
        raise ValueError(f"targets must have the shape of logits without the last axis "
                         f"{z.shape[:-1]}, got {t.shape}")
    if not np.issubdtype(t.dtype, np.integer):
        raise ValueError(f"targets must be integer ids, got dtype {t.dtype}")
    V = z.shape[-1]
    if t.size and (t.min() < 0 or t.max() >= V):
        raise ValueError(f"targets must be ids in [0, {V})")
    flat = z.reshape(-1, V)  # (B*T, V)
    m = flat.max(axis=1, keepdims=True)
    log_norm = m[:, 0] + np.log(np.exp(flat - m).sum(axis=1))  # (B*T,)
    picked = flat[np.arange(flat.shape[0]), t.reshape(-1)]  # (B*T,)
    return float(np.mean(log_norm - picked))


def estimate_loss(model: GPT, data: np.ndarray, eval_iters: int, batch_size: int,
                  rng: np.random.Generator | int | None = None) -> float:
    """The mean loss over ``eval_iters`` random batches of ``data`` (evaluation mode, no
    graph): an estimate of the loss on the whole text, cheaper than a full pass."""
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    was_training = model.training
    model.eval()
    losses = []
    try:
        with no_grad():
            for _ in range(eval_iters):
                x, y = get_batch(data, batch_size, model.config.block_size, gen)
                _, loss = model(x, y)
                assert loss is not None
                losses.append(loss.item())
    finally:
        model.train(was_training)
    return float(np.mean(losses))


def _optimizers(model: Module, tc: TrainConfig, trainable: list[Any] | None = None
                ) -> list[Any]:
    """AdamW with weight decay on matrices only (nanoGPT's two parameter groups)."""
    from groundup.optim import AdamW

    params = [p for p in (trainable if trainable is not None else model.parameters())
              if p.requires_grad]
    decay = [p for p in params if p.ndim >= 2]
    no_decay = [p for p in params if p.ndim < 2]
    opts = [AdamW(decay, lr=tc.lr, betas=tc.betas, weight_decay=tc.weight_decay)]
    if no_decay:
        opts.append(AdamW(no_decay, lr=tc.lr, betas=tc.betas, weight_decay=0.0))
    return opts


def _clip(params: list[Any], max_norm: float) -> float:
    """Scale all gradients down together so that their global norm is at most ``max_norm``."""
    grads = [p.grad for p in params if p.grad is not None]
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
    if max_norm > 0 and total > max_norm:
        coef = max_norm / (total + 1e-6)
        for g in grads:
            g *= coef
    return total


def train_step(model: Module, opts: list[Any], params: list[Any], x: np.ndarray,
               y: np.ndarray, lr: float, grad_clip: float) -> float:
    """One optimisation step on the batch ``(x, y)`` at learning rate ``lr``; the loss before it.

    ``opts`` are the optimisers of :func:`_optimizers` and ``params`` their parameters: set
    the learning rate, forward, backward, clip the global gradient norm, update.
    """
    for o in opts:
        o.lr = lr
    _, loss = model(x, y)
    assert loss is not None
    for o in opts:
        o.zero_grad()
    loss.backward()
    _clip(params, grad_clip)
    for o in opts:
        o.step()
    return float(loss.item())


def _loop(model: GPT, train_data: np.ndarray, val_data: np.ndarray, iters: int,
          tc: TrainConfig, rng: np.random.Generator, progress: bool,
          trainable: list[Any] | None = None,
          callback: Callable[[int, float], None] | None = None) -> TrainHistory:
    from groundup.nn.training import _progress

    opts = _optimizers(model, tc, trainable)
    params = [p for o in opts for p in o.params]
    hist = TrainHistory()
    model.train()
    start = time.perf_counter()
    eval_time = 0.0
    with _progress(progress) as bar:
        task = bar.add_task("GPT", total=iters, stats="")
        for it in range(iters + 1):
            if it % tc.eval_interval == 0 or it == iters:
                t0 = time.perf_counter()
                hist.eval_iters.append(it)
                hist.train_loss.append(estimate_loss(model, train_data, tc.eval_iters,
                                                     tc.batch_size, rng))
                hist.val_loss.append(estimate_loss(model, val_data, tc.eval_iters,
                                                   tc.batch_size, rng))
                eval_time += time.perf_counter() - t0
            if it == iters:
                break
            x, y = get_batch(train_data, tc.batch_size, model.config.block_size, rng)
            lr = get_lr(it, tc.lr, tc.min_lr, tc.warmup_iters, iters)
            hist.step_loss.append(train_step(model, opts, params, x, y, lr, tc.grad_clip))
            if callback is not None:
                callback(it, hist.step_loss[-1])
            val = f"  val {hist.val_loss[-1]:.3f}" if hist.val_loss else ""
            bar.update(task, advance=1, stats=f"loss {hist.step_loss[-1]:.3f}{val}")
    hist.time_s = time.perf_counter() - start - eval_time
    return hist


def train(config: GPTConfig | None = None, iters: int = 2000, train_config: TrainConfig | None
          = None, seed: int = 1337, progress: bool = True, checkpoint: str | Path | None = None,
          data: tuple[np.ndarray, np.ndarray] | None = None, dtype: Any = np.float32
          ) -> tuple[GPT, TrainHistory]:
    """Train a GPT on the shipped plays (or on ``data = (train_ids, val_ids)``).

    Parameters
    ----------
    config : GPTConfig, optional
        Default: the CPU recipe (``GPTConfig()``'s defaults, no biases) with the corpus's
        vocabulary size.
    iters : int
        Optimisation steps (batches).
    train_config : TrainConfig, optional
    seed : int
        Seeds the initial weights and the batches.
    progress : bool
        Show a progress bar with the loss.
    checkpoint : path, optional
        Save the trained model there (see :func:`save_checkpoint`).

    Returns
    -------
    (GPT, TrainHistory)
    """
    tc = train_config or TrainConfig()
    vocab, train_ids, val_ids = load_corpus()
    if data is not None:
        train_ids, val_ids = data
    cfg = config or GPTConfig(vocab_size=vocab.size)
    rng = np.random.default_rng(seed)
    model = GPT(cfg, rng=rng, dtype=dtype)
    hist = _loop(model, train_ids, val_ids, iters, tc, rng, progress)
    if checkpoint is not None:
        save_checkpoint(model, checkpoint, vocab if data is None else None)
    return model, hist


def finetune_lora(model: GPT, text: str, vocab: Vocab, iters: int = 200, r: int = 8,
                  alpha: float | None = None, targets: tuple[str, ...] = ("c_attn",),
                  train_config: TrainConfig | None = None, seed: int = 0,
                  progress: bool = False) -> dict[str, Any]:
    """Adapt ``model`` to ``text`` with LoRA (in place): only the low-rank matrices train.

    ``text`` is split 90/10; the validation loss on its last 10 % is measured before and
    after. Returns ``{"trainable": ..., "total": ..., "val_before": ..., "val_after": ...,
    "history": TrainHistory}``.
    """
    from groundup.lora import apply_lora, count_parameters, lora_parameters

    tc = train_config or TrainConfig(lr=2e-3, min_lr=2e-4, warmup_iters=20, weight_decay=0.0,
                                     eval_interval=max(iters // 4, 1))
    ids = vocab.encode(text)
    n = int(0.9 * len(ids))
    train_ids, val_ids = ids[:n], ids[n:]
    rng = np.random.default_rng(seed)
    before = estimate_loss(model, val_ids, 50, tc.batch_size, np.random.default_rng(seed + 1))
    apply_lora(model, targets=targets, r=r, alpha=alpha, rng=rng)
    trainable, total = count_parameters(model)
    hist = _loop(model, train_ids, val_ids, iters, tc, rng, progress,
                 trainable=lora_parameters(model))
    after = estimate_loss(model, val_ids, 50, tc.batch_size, np.random.default_rng(seed + 1))
    return {"trainable": trainable, "total": total, "val_before": before, "val_after": after,
            "history": hist}


# -------------------------------------------------------------------------------------------
# checkpoints

CHECKPOINT_NAME = "gpt_shakespeare.npz"


def default_checkpoint_path(workspace: str | Path | None = None) -> Path:
    """``<workspace>/checkpoints/gpt_shakespeare.npz``: the workspace found from the current
    folder (or ``workspace``), else the current folder."""
    root: Path
    if workspace is not None:
        root = Path(workspace)
    else:
        try:
            from groundup.workspace import Workspace

            root = Workspace.find().root
        except Exception:  # noqa: BLE001 - no workspace: use the current folder
            root = Path.cwd()
    return root / "checkpoints" / CHECKPOINT_NAME


def save_checkpoint(model: GPT, path: str | Path, vocab: Vocab | None = None) -> Path:
    """Write the weights, the configuration (``config.<field>``) and the vocabulary's code
    points (``vocab``) to one ``.npz`` file; creates the folder. Returns the path."""
    from groundup.nn.serialization import save

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    state: dict[str, Any] = dict(model.state_dict())
    for key, value in asdict(model.config).items():
        state[f"config.{key}"] = np.asarray(value)
    if vocab is not None:
        state["vocab"] = np.array([ord(c) for c in vocab.chars], dtype=np.int64)
    save(state, out)
    return out


def load_checkpoint(path: str | Path) -> tuple[GPT, Vocab | None]:
    """The model (and vocabulary, if saved) from a file written by :func:`save_checkpoint`.

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        If it is not a GPT checkpoint.
    """
    from groundup.nn.serialization import load

    state = load(path)
    names = {f.name for f in fields(GPTConfig)}
    kwargs: dict[str, Any] = {}
    for name in names:
        key = f"config.{name}"
        if key not in state:
            raise ValueError(f"{path} is not a GPT checkpoint (no {key!r})")
        value = state.pop(key)
        kwargs[name] = value.item()
    vocab_codes = state.pop("vocab", None)
    dtype = state["transformer.wte.weight"].dtype
    model = GPT(GPTConfig(**kwargs), rng=0, dtype=dtype)
    model.load_state_dict(state)
    vocab = Vocab("".join(chr(int(c)) for c in vocab_codes)) if vocab_codes is not None \
        else None
    return model, vocab
