"""The course as a corpus: every lesson section, every exercise's hints, the learner's notes.

Each lesson is split by heading (:func:`~groundup.rag.chunking.chunk_headings`), so a passage is
titled by where it lives ("Maximum likelihood > Bernoulli") and can be cited as
``prob.mle § Maximum likelihood > Bernoulli``. A section longer than ``MAX_WORDS`` words is cut
into overlapping windows of ``WINDOW_WORDS`` words that keep the section's title: the encoder
reads at most 256 word pieces, and a shorter passage is a sharper citation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from groundup.curriculum.registry import Lesson, Registry, load_registry
from groundup.rag.chunking import PATH_SEPARATOR, chunk_fixed, chunk_headings

CORPUS_VERSION = 1  # bump when the way passages are cut changes: every cached index is rebuilt
MAX_WORDS = 180
WINDOW_WORDS = 150
OVERLAP_WORDS = 30
LESSON, HINTS, NOTE = "lesson", "hints", "note"


@dataclass(frozen=True)
class Passage:
    """One retrievable piece of the course.

    ``kind`` is ``"lesson"`` (a lesson section), ``"hints"`` (an exercise's hints) or
    ``"note"`` (one of the learner's notes); ``source`` is the lesson id, exercise id or topic
    id; ``lesson`` the lesson it belongs to (``""`` for a note).
    """

    id: str
    kind: str
    source: str
    lesson: str
    title: str
    text: str

    @property
    def citation(self) -> str:
        """Where to read more: ``prob.mle § Maximum likelihood > Bernoulli``."""
        return f"{self.source} § {self.title}"

    @property
    def search_text(self) -> str:
        """What the retrievers read: the title (the headings are strong clues) and the text."""
        return f"{self.title}\n{self.text}"

    @property
    def section_key(self) -> str:
        """The section this passage is part of (windows of one section share it)."""
        return f"{self.source}#{self.title}"


def lesson_passages(lesson: Lesson) -> list[Passage]:
    """The sections of one lesson, long ones cut into overlapping windows."""
    text = lesson.file.read_text(encoding="utf-8")
    passages: list[Passage] = []
    for title, body in chunk_headings(text):
        pieces = [body] if len(body.split()) <= MAX_WORDS else chunk_fixed(
            body, WINDOW_WORDS, OVERLAP_WORDS, unit="words")
        for piece in pieces:
            passages.append(Passage(f"{LESSON}/{lesson.id}/{len(passages)}", LESSON, lesson.id,
                                    lesson.id, title or lesson.title, piece))
    return passages


def hint_passages(registry: Registry) -> list[Passage]:
    """One passage per exercise: its title and every hint level."""
    return [Passage(f"{HINTS}/{ex.id}", HINTS, ex.id, ex.lesson, f"Hints for {ex.title}",
                    " ".join(ex.hints))
            for ex in registry.exercises]


def note_passages(notes: Iterable[tuple[str, float, str]]) -> list[Passage]:
    """The learner's notes, ``(topic, time, text)`` as stored by :class:`groundup.progress.Progress`."""
    return [Passage(f"{NOTE}/{i}", NOTE, topic, "", f"Your note on {topic}", text)
            for i, (topic, _, text) in enumerate(notes)]


def read_notes(workspace_root: Path | None) -> list[tuple[str, float, str]]:
    """The notes kept in the workspace (none when it has no progress store yet)."""
    if workspace_root is None:
        return []
    from groundup.progress import Progress
    from groundup.workspace import STATE_DIR

    store = Path(workspace_root) / STATE_DIR / "progress.sqlite"
    return Progress(store).notes() if store.is_file() else []


def build_corpus(workspace_root: Path | None = None,
                 registry: Registry | None = None) -> list[Passage]:
    """Every lesson section of the course, every exercise's hints, and the workspace's notes."""
    registry = registry or load_registry()
    passages: list[Passage] = []
    for lesson in registry.lessons:
        if lesson.file.is_file():  # a topic being written may declare a lesson not yet there
            passages += lesson_passages(lesson)
    passages += hint_passages(registry)
    passages += note_passages(read_notes(workspace_root))
    return passages


def corpus_hash(passages: Iterable[Passage]) -> str:
    """A fingerprint of the corpus: it changes when a lesson, a hint or a note changes."""
    digest = hashlib.sha256(f"groundup-rag-corpus-v{CORPUS_VERSION}".encode())
    for p in passages:
        digest.update(json.dumps(asdict(p), sort_keys=True).encode())
    return digest.hexdigest()


def section_matches(passage: Passage, lesson_id: str, section: str) -> bool:
    """Whether ``passage`` comes from ``section`` of ``lesson_id`` (the heading itself, or its
    path's tail: ``"Bernoulli"`` matches ``"Maximum likelihood > Bernoulli"``)."""
    return passage.kind == LESSON and passage.lesson == lesson_id and (
        passage.title == section or passage.title.endswith(PATH_SEPARATOR + section))
