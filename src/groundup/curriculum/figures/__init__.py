"""Lesson figures: one module per topic family, one function per lesson.

A lesson's ``figures`` entry names a function ``f(out_dir: Path) -> list[Path]`` that draws
its figures with Matplotlib's Agg backend, from seeded data, and writes exactly the files the
lesson links to. :func:`save` is how every figure is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

DPI = 110


def save(fig: Any, out_dir: Path, name: str, *,
         layout: Literal["tight", "bbox"] | None = "tight") -> Path:
    """Write ``fig`` to ``out_dir/name`` as PNG and close it; return the path.

    ``layout="tight"`` runs ``fig.tight_layout()`` first; ``"bbox"`` crops the saved image to
    what is drawn (``bbox_inches="tight"``); ``None`` keeps the figure as laid out. The PNG
    carries no software version, so the same figure gives the same bytes.
    """
    import matplotlib.pyplot as plt

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    if layout == "tight":
        fig.tight_layout()
    fig.savefig(path, dpi=DPI, bbox_inches="tight" if layout == "bbox" else None,
                metadata={"Software": None})
    plt.close(fig)
    return path
