"""Data files shipped with groundup (see ``SOURCES.md`` beside this file for where each comes
from and under which licence)."""

from __future__ import annotations

import gzip
import importlib.resources

__all__ = ["read_text"]


def read_text(name: str) -> str:
    """The text of a shipped ``<name>.txt.gz`` file (``"shakespeare"``, ``"sonnets"``).

    Raises
    ------
    ValueError
        If there is no such file.
    """
    resource = importlib.resources.files(__name__) / f"{name}.txt.gz"
    if not resource.is_file():
        raise ValueError(f"no shipped text named {name!r}; available: 'shakespeare', 'sonnets'")
    return gzip.decompress(resource.read_bytes()).decode("ascii")
