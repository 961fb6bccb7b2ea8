"""The groundup command as a learner runs it: a real process in a real workspace."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from groundup.cli import watch_loop
from groundup.curriculum import load_registry
from groundup.workspace import Workspace

REGISTRY = load_registry()


def groundup(*args, cwd, input=None, timeout=120):
    env = {**os.environ, "COLUMNS": "120", "GROUNDUP_WORKSPACE": ""}
    return subprocess.run([sys.executable, "-m", "groundup.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, input=input, timeout=timeout)


def solve(ws_root, exercise):
    """Write the reference solution into the learner's file."""
    lines = [f"from {r.partition(':')[0]} import {r.partition(':')[2]} as {f}"
             for f, r in zip(exercise.functions, exercise.reference, strict=True)]
    (ws_root / exercise.workspace_path).write_text("\n".join(lines) + "\n")


@pytest.fixture
def ws(tmp_path):
    result = groundup("init", "ws", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "ws"


def test_init_creates_every_stub_and_never_overwrites(ws, tmp_path):
    for ex in REGISTRY.exercises:
        assert (ws / ex.workspace_path).read_text() == ex.stub.read_text()
    first = REGISTRY.exercises[0]
    mine = ws / first.workspace_path
    mine.write_text("# my own work\n")
    other = REGISTRY.exercises[-1]
    (ws / other.workspace_path).unlink()  # as if this exercise shipped in an upgrade
    result = groundup("init", "ws", cwd=tmp_path)
    assert result.returncode == 0
    assert "added 1 new exercise" in result.stdout
    assert mine.read_text() == "# my own work\n"
    assert (ws / other.workspace_path).exists()


def test_roadmap_shows_you_are_here_and_moves_on(ws):
    first, second = REGISTRY.exercises[:2]
    out = groundup(cwd=ws).stdout
    assert "Phase 1" in out and "Phase 5" in out
    assert "coming soon" not in out  # every topic of the roadmap has landed
    assert f"{first.id}" in out and "📍 you are here" in out
    solve(ws, first)
    assert groundup("check", cwd=ws).returncode == 0  # checks the current one: `first`
    out = groundup(cwd=ws).stdout
    here = [line for line in out.splitlines() if "you are here" in line and "📍" in line]
    assert any(second.id in line for line in here), out


def test_list_json_contract(ws):
    result = groundup("list", "--json", cwd=ws)
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [ex.id for ex in REGISTRY.exercises]
    for row in rows:
        assert {"id", "phase", "topic", "title", "path", "functions", "status"} <= set(row)
        assert (ws / row["path"]).exists()
        assert row["status"] == "not started"


def test_check_json_contract_and_exit_codes(ws):
    ex = REGISTRY.exercises[0]
    failed = groundup("check", ex.id, "--json", cwd=ws)
    assert failed.returncode == 1
    data = json.loads(failed.stdout)
    assert data["id"] == ex.id and data["passed"] is False
    assert isinstance(data["duration_s"], float)
    assert all({"name", "passed", "message"} <= set(c) for c in data["checks"])
    solve(ws, ex)
    passed = groundup("check", ex.id, "--json", cwd=ws)
    assert passed.returncode == 0 and json.loads(passed.stdout)["passed"] is True
    assert groundup("list", "--json", cwd=ws).stdout.count('"passed"') == 1


def test_unknown_id_is_a_usage_error_with_suggestions(ws):
    ex = REGISTRY.exercises[0]
    typo = ex.id[:-1]
    result = groundup("check", typo, "--json", cwd=ws)
    assert result.returncode == 2
    assert f"unknown exercise '{typo}'" in result.stderr and ex.id in result.stderr
    assert "Traceback" not in result.stderr


def test_no_workspace_is_one_clear_line(tmp_path):
    result = groundup("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "no groundup workspace" in result.stderr and "groundup init" in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_files_are_one_clear_line(ws):
    (ws / "groundup.toml").write_text("[grader\n")
    result = groundup("list", cwd=ws)
    assert result.returncode == 1 and "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr
    (ws / "groundup.toml").write_text("[grader]\n")
    (ws / ".groundup" / "progress.sqlite").write_bytes(b"this is not a database" * 100)
    result = groundup("list", cwd=ws)
    assert result.returncode == 1 and "cannot be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_commands_work_from_a_subfolder_and_with_workspace_option(ws, tmp_path):
    sub = ws / "exercises"
    assert groundup("list", cwd=sub).returncode == 0
    assert groundup("--workspace", str(ws), "list", cwd=tmp_path).returncode == 0


def test_hints_reveal_one_level_at_a_time(ws):
    ex = REGISTRY.exercises[0]
    first = groundup("hint", ex.id, cwd=ws).stdout
    assert ex.hints[0][:30] in first and ex.hints[1][:30] not in first
    second = groundup("hint", ex.id, cwd=ws).stdout
    assert ex.hints[1][:30] in second


def test_solution_unlocks_only_after_passing(ws):
    ex = REGISTRY.exercises[0]
    locked = groundup("solution", ex.id, cwd=ws)
    assert locked.returncode == 1 and "unlocks" in locked.stdout
    solve(ws, ex)
    groundup("check", ex.id, cwd=ws)
    shown = groundup("solution", ex.id, cwd=ws)
    assert shown.returncode == 0 and f"def {ex.reference[0].partition(':')[2]}" in shown.stdout


def test_reset_keeps_a_backup(ws):
    ex = REGISTRY.exercises[0]
    mine = ws / ex.workspace_path
    mine.write_text("# my attempt\n")
    refused = groundup("reset", ex.id, cwd=ws, input="")
    assert refused.returncode != 0 and mine.read_text() == "# my attempt\n"
    done = groundup("reset", ex.id, "--yes", cwd=ws)
    assert done.returncode == 0
    assert mine.read_text() == ex.stub.read_text()
    backups = list((ws / ".groundup" / "backups").glob(f"{ex.id}-*.py"))
    assert [b.read_text() for b in backups] == ["# my attempt\n"]


def test_notes_progress_and_export(ws):
    ex = REGISTRY.exercises[0]
    solve(ws, ex)
    groundup("check", ex.id, cwd=ws)
    assert groundup("note", ex.id, "Sum of **products**", cwd=ws).returncode == 0
    assert "Sum of" in groundup("note", ex.topic, cwd=ws).stdout
    assert "1 of" in groundup("progress", cwd=ws).stdout
    report = groundup("export", "-o", "-", cwd=ws).stdout
    assert "Sum of **products**" in report and ex.id in report and "passed" in report
    assert groundup("export", cwd=ws).returncode == 0
    assert len(list((ws / "reports").glob("progress-*.md"))) == 1


def test_untouched_stub_is_not_recorded_as_attempted(ws):
    groundup("check", "--all", cwd=ws, timeout=900)  # every exercise of the course: minutes
    rows = json.loads(groundup("list", "--json", cwd=ws).stdout)
    assert {r["status"] for r in rows} == {"not started"}


def test_progress_store_records_every_run(ws):
    ex = REGISTRY.exercises[0]
    (ws / ex.workspace_path).write_text("def nothing():\n    pass\n")
    groundup("check", ex.id, cwd=ws)
    solve(ws, ex)
    groundup("check", ex.id, cwd=ws)
    with sqlite3.connect(ws / ".groundup" / "progress.sqlite") as conn:
        rows = conn.execute("SELECT exercise, passed FROM runs ORDER BY id").fetchall()
    assert rows == [(ex.id, 0), (ex.id, 1)]


def test_lesson_renders_and_writes_its_figures(ws):
    lesson = REGISTRY.lessons[0]
    result = groundup("lesson", lesson.id, cwd=ws)
    assert result.returncode == 0, result.stderr
    assert "Figure" in result.stdout
    assert list((ws / "figures").glob("*.png"))
    assert groundup("lesson", "no-such-lesson", cwd=ws).returncode == 2
    topic = groundup("lesson", "rag", cwd=ws)  # a topic's id opens its first lesson
    assert topic.returncode == 0 and "Retrieval" in topic.stdout, topic.stderr


def test_doctor(ws):
    result = groundup("doctor", cwd=ws)
    assert result.returncode == 0, result.stdout
    assert "grader" in result.stdout and "numpy" in result.stdout


def test_doctor_prints_install_hints_verbatim(ws, monkeypatch):
    # square brackets are Rich markup: "groundup[llm]" must not print as "groundup"
    from typer.testing import CliRunner

    import groundup.cli
    import groundup.llm

    monkeypatch.setattr(groundup.llm, "doctor_rows",
                        lambda: [("missing", "peft", "pip install 'groundup[llm]'")])
    monkeypatch.chdir(ws)
    result = CliRunner().invoke(groundup.cli.app, ["doctor"])
    assert "pip install 'groundup[llm]'" in result.output, result.output


def test_watch_advances_when_the_file_passes(ws):
    first, second = REGISTRY.exercises[:2]
    workspace = Workspace.load(ws)
    solve(ws, first)
    # First check passes and moves on; the second check runs on the next exercise's stub.
    assert watch_loop(workspace, REGISTRY, None, poll_s=0.05, max_checks=2) == 2
    statuses = workspace.progress.all()
    assert statuses[first.id].status == "passed"
    assert second.id not in statuses  # its stub is untouched: not recorded


def test_lesson_math_survives_terminal_markdown():
    from groundup.cli import protect_math

    text = protect_math("Mean $\\bar{x}_j = x_{ij}$, price $5 and $10.\n\n$$\nA_{ij}\n$$\n")
    assert "`\\bar{x}_j = x_{ij}`" in text
    assert "$5 and $10" in text
    assert "```latex\nA_{ij}\n```" in text


def test_data_writes_the_messy_csvs_and_never_overwrites(ws):
    import pandas as pd

    result = groundup("data", cwd=ws)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (ws / "data").glob("*.csv"))
    assert written == ["customers.csv", "orders.csv"]
    first = (ws / "data" / "customers.csv").read_bytes()
    raw = pd.read_csv(ws / "data" / "customers.csv", dtype=str, keep_default_na=False)
    assert len(raw) > 100 and raw.duplicated().any()  # the mess is really there
    (ws / "data" / "customers.csv").write_text("my edits")
    again = groundup("data", cwd=ws)
    assert again.returncode == 2 and "overwrit" in again.stderr
    assert (ws / "data" / "customers.csv").read_text() == "my edits"
    assert groundup("data", "--overwrite", cwd=ws).returncode == 0
    assert (ws / "data" / "customers.csv").read_bytes() == first  # seeded: the same file again
