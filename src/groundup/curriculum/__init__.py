"""The curriculum: registry, lessons, exercise stubs, checks and lesson figures."""

from groundup.curriculum.registry import (
    Exercise,
    Lesson,
    Phase,
    Registry,
    RegistryError,
    Topic,
    load_registry,
)

__all__ = ["Exercise", "Lesson", "Phase", "Registry", "RegistryError", "Topic", "load_registry"]
