"""Benchmark: the groundup GPT against its PyTorch twin on nanoGPT's Shakespeare CPU recipe.

Both models start from the same weights (groundup's initialisation, copied into PyTorch), see
the same batches in the same order, use AdamW with the same two parameter groups, the same
warm-up plus cosine learning-rate schedule and gradient clipping, and run on the same number
of threads (NumPy's BLAS through threadpoolctl, ``torch.set_num_threads``). Prints the time
per step, the final validation loss of each (the same 200 validation batches for both) and
the time ratio (target: at most 3x PyTorch).

    python benchmarks/bench_gpt.py                # 2000 iterations, a few minutes each
    python benchmarks/bench_gpt.py --iters 200 --threads 2
    python benchmarks/bench_gpt.py --markdown     # the table in Markdown, for RESULTS.md
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np


def _batches(data: np.ndarray, n: int, batch_size: int, block_size: int, seed: int
             ) -> list[tuple[np.ndarray, np.ndarray]]:
    from groundup.gpt.data import get_batch

    rng = np.random.default_rng(seed)
    return [get_batch(data, batch_size, block_size, rng) for _ in range(n)]


def run_groundup(model, batches, val_batches, tc) -> tuple[float, float, float]:  # noqa: ANN001
    from groundup.gpt.train import _optimizers, get_lr, train_step
    from groundup.nn import no_grad

    opts = _optimizers(model, tc)
    params = [p for o in opts for p in o.params]
    model.train()
    start = time.perf_counter()
    for it, (x, y) in enumerate(batches):
        lr = get_lr(it, tc.lr, tc.min_lr, tc.warmup_iters, len(batches))
        loss = train_step(model, opts, params, x, y, lr, tc.grad_clip)
    elapsed = time.perf_counter() - start
    model.eval()
    with no_grad():
        val = float(np.mean([model(x, y)[1].item() for x, y in val_batches]))
    return elapsed / len(batches), val, loss


def run_torch(twin, batches, val_batches, tc) -> tuple[float, float, float]:  # noqa: ANN001
    import torch

    from groundup.gpt.train import get_lr

    params = [p for p in twin.parameters() if p.requires_grad]
    groups = [{"params": [p for p in params if p.dim() >= 2], "weight_decay": tc.weight_decay},
              {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0}]
    opt = torch.optim.AdamW(groups, lr=tc.lr, betas=tc.betas)
    twin.train()
    tb = [(torch.from_numpy(x), torch.from_numpy(y)) for x, y in batches]
    start = time.perf_counter()
    for it, (x, y) in enumerate(tb):
        lr = get_lr(it, tc.lr, tc.min_lr, tc.warmup_iters, len(batches))
        for g in opt.param_groups:
            g["lr"] = lr
        _, loss = twin(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(twin.parameters(), tc.grad_clip)
        opt.step()
    elapsed = time.perf_counter() - start
    twin.eval()
    with torch.no_grad():
        val = float(np.mean([twin(torch.from_numpy(x), torch.from_numpy(y))[1].item()
                             for x, y in val_batches]))
    return elapsed / len(batches), val, loss.item()


def _table(rows: list[tuple[str, float, float, float]], iters: int, markdown: bool) -> str:
    """One row per library: ms per step, total seconds, ratio to PyTorch, losses."""
    torch_step = next((per_step for name, per_step, _, _ in rows if name == "PyTorch"), None)
    header = ["library", "iterations", "ms / step", "total s", "ratio", "last train loss",
              "val loss"]
    body = [[name, str(iters), f"{per_step * 1e3:.1f}", f"{per_step * iters:.1f}",
             f"{per_step / torch_step:.2f}x" if torch_step else "-", f"{last:.3f}", f"{val:.3f}"]
            for name, per_step, val, last in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(b) + " |" for b in body])
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h)
              for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*header)] + [fmt.format(*b) for b in body])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iters", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=1,
                        help="threads for both libraries (default 1)")
    parser.add_argument("--seed", type=int, default=1337)
    parser.add_argument("--only", choices=("groundup", "torch"), default=None)
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    args = parser.parse_args(argv)

    import torch
    from threadpoolctl import threadpool_limits

    from groundup.gpt import GPT, GPTConfig
    from groundup.gpt.data import load_corpus
    from groundup.gpt.torch_twin import to_torch
    from groundup.gpt.train import TrainConfig

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    vocab, train_ids, val_ids = load_corpus()
    config = GPTConfig(vocab_size=vocab.size)
    tc = TrainConfig()
    model = GPT(config, rng=args.seed)
    twin = to_torch(model)
    batches = _batches(train_ids, args.iters, tc.batch_size, config.block_size, args.seed)
    val_batches = _batches(val_ids, 200, tc.batch_size, config.block_size, args.seed + 1)
    print(f"GPT {config.n_layer} layers, {config.n_head} heads, {config.n_embd} dims, block "
          f"{config.block_size}, batch {tc.batch_size}, vocab {config.vocab_size}, bias "
          f"{config.bias}: "
          f"{model.num_parameters():,} parameters; {args.iters} iterations, {args.threads} "
          f"thread(s); initial loss ln(V) = {math.log(config.vocab_size):.3f}")
    rows = []
    with threadpool_limits(args.threads):
        if args.only in (None, "groundup"):
            rows.append(("groundup", *run_groundup(model, batches, val_batches, tc)))
            print(f"  groundup done: {rows[-1][1] * 1e3:.1f} ms/step", flush=True)
        if args.only in (None, "torch"):
            rows.append(("PyTorch", *run_torch(twin, batches, val_batches, tc)))
    print()
    print(_table(rows, args.iters, args.markdown))
    if len(rows) == 2:
        ratio = rows[0][1] / rows[1][1]
        verdict = "within" if ratio <= 3 else "above"
        print(f"\ngroundup / PyTorch time per step: {ratio:.2f}x ({verdict} the 3x target)")


if __name__ == "__main__":
    main()
