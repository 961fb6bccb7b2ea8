"""The curriculum registry: the whole roadmap, declared as data.

``roadmap.toml`` declares the five phases and every topic, in course order. A topic whose
content has landed has a folder ``topics/<topic id>/`` with a ``topic.toml`` declaring its
lessons and exercises; a topic without one is "coming soon". Everything else in the package
(CLI, grader, workspace, tests) reads the course through :func:`load_registry`.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

CURRICULUM_DIR = Path(__file__).resolve().parent
TOPICS_DIR = CURRICULUM_DIR / "topics"
RESOURCE_KINDS = {"docs", "course", "video", "paper", "book", "article", "roadmap", "blog"}


class RegistryError(ValueError):
    """The registry files are malformed (a bug in the curriculum, not in learner code)."""


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    kind: str


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    topic: str
    file: Path  # absolute path of the Markdown file
    figures: str | None = None  # "module:function" writing the lesson's figures into a folder


@dataclass(frozen=True)
class Exercise:
    """One exercise: a stub the learner fills in, and the checks the grader runs on it."""

    id: str
    title: str
    phase: str
    topic: str
    lesson: str
    stub: Path  # absolute path of the shipped stub
    workspace_path: str  # where the learner's copy lives, relative to the workspace root
    functions: tuple[str, ...]
    reference: tuple[str, ...]  # "module:function", one per function
    checks: str  # "module:function" returning the list of checks
    hints: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    timeout_s: float | None = None
    memory_mb: int | None = None

    def load_checks(self) -> list[Any]:
        """Build this exercise's checks (imports the check module)."""
        return list(resolve(self.checks)())

    def reference_functions(self) -> list[Callable[..., Any]]:
        return [resolve(ref) for ref in self.reference]


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    phase: str
    resources: tuple[Resource, ...]
    lessons: tuple[Lesson, ...] = ()
    exercises: tuple[Exercise, ...] = ()

    @property
    def coming_soon(self) -> bool:
        return not self.exercises and not self.lessons


@dataclass(frozen=True)
class Phase:
    id: str
    number: int
    title: str
    summary: str
    topics: tuple[Topic, ...]

    @property
    def exercises(self) -> list[Exercise]:
        return [ex for topic in self.topics for ex in topic.exercises]


@dataclass(frozen=True)
class Registry:
    phases: tuple[Phase, ...]
    resources: tuple[Resource, ...] = ()
    _by_id: dict[str, Exercise] = field(default_factory=dict, repr=False, compare=False)

    @property
    def topics(self) -> list[Topic]:
        return [topic for phase in self.phases for topic in phase.topics]

    @property
    def exercises(self) -> list[Exercise]:
        """Every exercise, in course order."""
        return [ex for phase in self.phases for ex in phase.exercises]

    @property
    def lessons(self) -> list[Lesson]:
        return [lesson for topic in self.topics for lesson in topic.lessons]

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except KeyError:
            raise KeyError(exercise_id) from None

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(lesson_id)

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def phase_of(self, exercise: Exercise) -> Phase:
        return next(p for p in self.phases if p.id == exercise.phase)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)


def resolve(target: str) -> Any:
    """Import ``"package.module:attribute"`` and return the attribute."""
    module_name, _, attr = target.partition(":")
    if not attr:
        raise RegistryError(f"expected 'module:attribute', got {target!r}")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def _require(table: dict[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in table:
        raise RegistryError(f"{where}: missing required field {key!r}")
    value = table[key]
    if not isinstance(value, kind):
        raise RegistryError(f"{where}: field {key!r} must be {kind.__name__}, got {value!r}")
    return value


def _resources(items: list[dict[str, Any]], where: str) -> tuple[Resource, ...]:
    out = []
    for item in items:
        kind = _require(item, "kind", where)
        if kind not in RESOURCE_KINDS:
            raise RegistryError(f"{where}: unknown resource kind {kind!r}")
        out.append(Resource(_require(item, "title", where), _require(item, "url", where), kind))
    return tuple(out)


def _load_topic(phase: dict[str, Any], table: dict[str, Any], topic_index: int) -> Topic:
    topic_id = _require(table, "id", f"phase {phase['id']}")
    where = f"topic {topic_id}"
    lessons: list[Lesson] = []
    exercises: list[Exercise] = []
    topic_dir = TOPICS_DIR / topic_id
    spec_file = topic_dir / "topic.toml"
    if spec_file.exists():
        with spec_file.open("rb") as fh:
            spec = tomllib.load(fh)
        for item in spec.get("lessons", []):
            lesson_id = _require(item, "id", where)
            file = topic_dir / _require(item, "file", f"lesson {lesson_id}")
            lessons.append(
                Lesson(lesson_id, _require(item, "title", f"lesson {lesson_id}"), topic_id, file,
                       item.get("figures"))
            )
        folder = f"exercises/{phase['number']}-{phase['id']}/{topic_index}-{topic_id}"
        for item in spec.get("exercises", []):
            ex_id = _require(item, "id", where)
            ex_where = f"exercise {ex_id}"
            stub = _require(item, "stub", ex_where)
            functions = tuple(_require(item, "functions", ex_where, list))
            reference = tuple(_require(item, "reference", ex_where, list))
            if len(functions) != len(reference):
                raise RegistryError(f"{ex_where}: 'functions' and 'reference' differ in length")
            hints = tuple(_require(item, "hints", ex_where, list))
            if not hints:
                raise RegistryError(f"{ex_where}: at least one hint is required")
            exercises.append(
                Exercise(
                    id=ex_id,
                    title=_require(item, "title", ex_where),
                    phase=phase["id"],
                    topic=topic_id,
                    lesson=_require(item, "lesson", ex_where),
                    stub=topic_dir / stub,
                    workspace_path=f"{folder}/{Path(stub).name}",
                    functions=functions,
                    reference=reference,
                    checks=_require(item, "checks", ex_where),
                    hints=hints,
                    forbidden=tuple(item.get("forbidden", [])),
                    timeout_s=item.get("timeout_s"),
                    memory_mb=item.get("memory_mb"),
                )
            )
    return Topic(
        id=topic_id,
        title=_require(table, "title", where),
        summary=table.get("summary", ""),
        phase=phase["id"],
        resources=_resources(table.get("resources", []), where),
        lessons=tuple(lessons),
        exercises=tuple(exercises),
    )


@cache
def load_registry(roadmap: Path = CURRICULUM_DIR / "roadmap.toml") -> Registry:
    """Load and validate the whole curriculum (cached: it is read-only data)."""
    with roadmap.open("rb") as fh:
        data = tomllib.load(fh)
    phases = []
    for p in data.get("phases", []):
        _require(p, "id", "roadmap")
        _require(p, "number", f"phase {p['id']}", int)
        topics = tuple(_load_topic(p, t, i) for i, t in enumerate(p.get("topics", []), start=1))
        phases.append(
            Phase(p["id"], p["number"], _require(p, "title", f"phase {p['id']}"),
                  p.get("summary", ""), topics)
        )
    by_id: dict[str, Exercise] = {}
    for phase in phases:
        for ex in phase.exercises:
            if ex.id in by_id:
                raise RegistryError(f"duplicate exercise id {ex.id!r}")
            by_id[ex.id] = ex
    return Registry(tuple(phases), _resources(data.get("resources", []), "roadmap"), by_id)
