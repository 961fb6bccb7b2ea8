"""The registry is whole and consistent: the map, the files, the references, the checks."""

from __future__ import annotations

import ast
from pathlib import Path

import groundup.curriculum.checks as checks_package
from groundup.curriculum.registry import TOPICS_DIR, resolve
from groundup.grading.spec import Check

MAP = {
    "math": ["vectors-matrices", "matrix-multiplication", "eigen", "derivatives",
             "chain-rule-backprop", "gradient-descent", "probability", "bayesian"],
    "data": ["numpy", "pandas", "visualisation"],
    "classical-ml": ["linear-regression", "logistic-regression", "decision-trees",
                     "random-forests", "k-means", "pca", "evaluation", "bias-variance"],
    "deep-learning": ["neurons-activations", "neural-networks", "cnns", "rnns-lstms", "pytorch"],
    "generative-ai": ["transformers", "llms", "rag", "ethics-alignment"],
}


def test_the_whole_map_is_declared(registry):
    assert [p.id for p in registry.phases] == list(MAP)
    assert [p.number for p in registry.phases] == [1, 2, 3, 4, 5]
    for phase in registry.phases:
        assert [t.id for t in phase.topics] == MAP[phase.id]
        for topic in phase.topics:
            assert topic.resources, f"topic {topic.id} has no resources"


def test_seed_resources_are_linked(registry):
    urls = " ".join(r.url for r in registry.resources) + " ".join(
        r.url for t in registry.topics for r in t.resources)
    for needle in ("roadmap.sh", "cloudskillsboost.google", "learn.microsoft.com", "kCc8FmEb1nY",
                   "freecodecamp.org", "openai.com", "deepmind.google", "developer.nvidia.com"):
        assert needle in urls


def test_ids_are_unique(registry):
    ids = [ex.id for ex in registry.exercises]
    assert len(ids) == len(set(ids))
    lesson_ids = [lesson.id for lesson in registry.lessons]
    assert len(lesson_ids) == len(set(lesson_ids))
    paths = [ex.workspace_path for ex in registry.exercises]
    assert len(paths) == len(set(paths))


def test_every_exercise_is_complete(registry):
    lessons = {lesson.id: lesson for lesson in registry.lessons}
    for ex in registry.exercises:
        assert ex.stub.is_file(), ex.id
        assert ex.lesson in lessons, f"{ex.id}: unknown lesson {ex.lesson}"
        assert lessons[ex.lesson].topic == ex.topic, ex.id
        assert len(ex.hints) >= 2, f"{ex.id}: give hints in increasing levels"
        for ref in ex.reference_functions():
            assert callable(ref)
            assert ref.__doc__, f"{ex.id}: the reference has no docstring"
        checks = ex.load_checks()
        assert checks and all(isinstance(c, Check) for c in checks), ex.id
        assert all(c.cases for c in checks), ex.id
        assert any(c.hidden for c in checks), f"{ex.id}: add at least one hidden check"
        for check in checks:
            for case in check.cases:
                if case.driver:
                    assert callable(resolve(case.driver))


def test_stubs_follow_the_house_format(registry):
    for ex in registry.exercises:
        source = ex.stub.read_text()
        tree = ast.parse(source)
        assert ast.get_docstring(tree), f"{ex.id}: the stub needs a module docstring"
        defined = {n.name: n for n in tree.body
                   if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        for name in ex.functions:
            assert name in defined, f"{ex.id}: the stub does not define {name}"
            assert ast.get_docstring(defined[name]), f"{ex.id}: {name} needs a docstring"
        assert "# TODO" in source and "raise NotImplementedError" in source, ex.id


def test_lessons_exist(registry):
    for lesson in registry.lessons:
        assert lesson.file.is_file(), lesson.id


def test_no_orphan_files(registry):
    used = {ex.stub.resolve() for ex in registry.exercises}
    used |= {lesson.file.resolve() for lesson in registry.lessons}
    for topic_dir in TOPICS_DIR.iterdir():
        if not topic_dir.is_dir():
            continue
        assert (topic_dir / "topic.toml").is_file(), f"{topic_dir.name} has no topic.toml"
        assert topic_dir.name in {t.id for t in registry.topics}, topic_dir.name
        for path in topic_dir.rglob("*"):
            if path.suffix in {".py", ".md"} and "__pycache__" not in path.parts:
                assert path.resolve() in used, f"orphan file: {path.relative_to(TOPICS_DIR)}"


def test_coming_soon_topics_have_no_folder(registry):
    for topic in registry.topics:
        assert topic.coming_soon == (not (TOPICS_DIR / topic.id / "topic.toml").exists())


def test_check_modules_are_all_used(registry):
    used = {ex.checks.partition(":")[0] for ex in registry.exercises}
    checks_dir = Path(checks_package.__file__).parent
    for path in checks_dir.glob("*.py"):
        if path.stem == "__init__" or path.stem.endswith("_drivers"):
            continue
        assert f"groundup.curriculum.checks.{path.stem}" in used, f"unused checks module {path}"


def test_check_names_leave_hidden_to_the_report(registry):
    # the CLI marks hidden checks itself: "(hidden)" in a name prints it twice
    for exercise in registry.exercises:
        for check in exercise.load_checks():
            assert "(hidden)" not in check.name, (exercise.id, check.name)
