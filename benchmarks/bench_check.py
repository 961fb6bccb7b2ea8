"""How long a learner waits: median wall time of `groundup check ID` and `check --all`.

Run: python benchmarks/bench_check.py [--repeat 7]
Targets: one exercise < 0.5 s; the linear-algebra module (every linalg.* exercise) < 10 s.
Each exercise file holds the reference solution, so every check runs to the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from groundup.curriculum import load_registry


def groundup(*args: str, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "groundup.cli", *args], cwd=cwd, check=False,
                   capture_output=True, env={**os.environ, "GROUNDUP_WORKSPACE": ""})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    registry = load_registry()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        groundup("init", "ws", cwd=root)
        ws = root / "ws"
        for ex in registry.exercises:
            lines = [f"from {r.partition(':')[0]} import {r.partition(':')[2]} as {f}"
                     for f, r in zip(ex.functions, ex.reference, strict=True)]
            (ws / ex.workspace_path).write_text("\n".join(lines) + "\n")
        first = registry.exercises[0].id
        linalg = [ex.id for ex in registry.exercises if ex.id.startswith("linalg.")]
        rows = []
        one = [groundup("check", first, cwd=ws) for _ in range(args.repeat)]
        rows.append((f"groundup check {first}", statistics.median(one), 0.5))
        module = []
        for _ in range(max(1, args.repeat // 2)):
            start = time.perf_counter()
            for ex_id in linalg:
                groundup("check", ex_id, cwd=ws)
            module.append(time.perf_counter() - start)
        rows.append((f"check each of the {len(linalg)} linalg.* exercises", statistics.median(module),
                     10.0))
        whole = [groundup("check", "--all", cwd=ws) for _ in range(max(1, args.repeat // 2))]
        rows.append((f"groundup check --all ({len(registry.exercises)} exercises)",
                     statistics.median(whole), None))
    print(f"{'what':<55} {'median s':>9} {'target s':>9}  ok")
    for what, seconds, target in rows:
        ok = "" if target is None else ("yes" if seconds < target else "NO")
        tgt = "" if target is None else f"{target:.1f}"
        print(f"{what:<55} {seconds:>9.3f} {tgt:>9}  {ok}")


if __name__ == "__main__":
    main()
