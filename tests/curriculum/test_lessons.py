"""Every lesson renders, has math, and has figures that its figure function really writes."""

from __future__ import annotations

import re

import pytest

from groundup.curriculum import load_registry
from groundup.curriculum.registry import resolve

LESSONS = load_registry().lessons
FIGURE_LINK = re.compile(r"!\[[^\]]*\]\(figures/([^)\s]+)\)")


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_has_math_and_figures(lesson, tmp_path):
    text = lesson.file.read_text()
    assert text.lstrip().startswith("# "), "a lesson starts with its title"
    assert "$" in text, "a lesson states the math"
    linked = set(FIGURE_LINK.findall(text))
    assert linked, "a lesson shows at least one figure"
    assert lesson.figures, "a lesson with figures declares its figures function"
    written = resolve(lesson.figures)(tmp_path)
    names = {p.name for p in written}
    assert linked <= names, f"figures linked but not written: {linked - names}"
    for path in written:
        assert path.stat().st_size > 1000, f"{path.name} looks empty"
