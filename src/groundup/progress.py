"""The learner's progress, in SQLite inside the workspace.

Every check run is recorded (exercise, time, passed, duration, first failing check); an
exercise's status is *derived* from those runs, never set by hand. Each write is one SQLite
transaction, so a process killed at any moment leaves the store as it was before or after the
write, never half-written.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    exercise TEXT NOT NULL,
    at REAL NOT NULL,
    passed INTEGER NOT NULL,
    duration_s REAL NOT NULL,
    failing_check TEXT
);
CREATE INDEX IF NOT EXISTS runs_exercise ON runs (exercise, at);
CREATE TABLE IF NOT EXISTS hints (
    exercise TEXT PRIMARY KEY,
    level INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL,
    at REAL NOT NULL,
    text TEXT NOT NULL
);
"""

NOT_STARTED, ATTEMPTED, PASSED = "not started", "attempted", "passed"


class ProgressError(RuntimeError):
    """The progress store cannot be read (corrupt file, newer schema, ...)."""


@dataclass(frozen=True)
class ExerciseProgress:
    status: str
    runs: int
    first_passed_at: float | None
    last_run_at: float | None
    last_failing_check: str | None


class Progress:
    """Read and record a learner's progress in ``path`` (an SQLite file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with self._connect() as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise ProgressError(
                        f"{path} was written by a newer groundup (schema {version}); upgrade "
                        "groundup with `pip install -U groundup`")
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise ProgressError(
                f"the progress store {path} cannot be read ({exc}). Run `groundup doctor`.") from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """One connection per operation, committed on success, rolled back on error."""
        with closing(sqlite3.connect(self.path, timeout=10)) as conn, conn:
            yield conn

    # -- recording ------------------------------------------------------------------------
    def record_run(self, exercise: str, passed: bool, duration_s: float,
                   failing_check: str | None = None, at: float | None = None) -> None:
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO runs (exercise, at, passed, duration_s, failing_check) "
                "VALUES (?, ?, ?, ?, ?)",
                (exercise, at if at is not None else time.time(), int(passed), duration_s,
                 failing_check),
            )

    def next_hint_level(self, exercise: str, n_levels: int) -> int:
        """Reveal one more hint level (1-based) and return it; stays at the last level."""
        with self._connect() as conn:
            row = conn.execute("SELECT level FROM hints WHERE exercise = ?", (exercise,)).fetchone()
            level = min((row[0] if row else 0) + 1, n_levels)
            conn.execute("INSERT OR REPLACE INTO hints (exercise, level) VALUES (?, ?)",
                         (exercise, level))
        return level

    def hint_level(self, exercise: str) -> int:
        with self._connect() as conn:
            row = conn.execute("SELECT level FROM hints WHERE exercise = ?", (exercise,)).fetchone()
        return row[0] if row else 0

    def add_note(self, topic: str, text: str) -> None:
        with self._connect() as conn:
            conn.execute("INSERT INTO notes (topic, at, text) VALUES (?, ?, ?)",
                         (topic, time.time(), text))

    # -- reading --------------------------------------------------------------------------
    def notes(self, topic: str | None = None) -> list[tuple[str, float, str]]:
        query = "SELECT topic, at, text FROM notes"
        params: tuple[str, ...] = ()
        if topic:
            query += " WHERE topic = ?"
            params = (topic,)
        with self._connect() as conn:
            return list(conn.execute(query + " ORDER BY at, id", params))

    def exercise(self, exercise: str) -> ExerciseProgress:
        return self.all().get(exercise, ExerciseProgress(NOT_STARTED, 0, None, None, None))

    def all(self) -> dict[str, ExerciseProgress]:
        """The progress of every exercise that has been run at least once.

        Status: ``passed`` when the latest run passed, ``attempted`` when it did not.
        """
        out: dict[str, ExerciseProgress] = {}
        with self._connect() as conn:
            rows = conn.execute(
                """
                SELECT exercise, COUNT(*),
                       MIN(CASE WHEN passed THEN at END),
                       MAX(at)
                FROM runs GROUP BY exercise
                """
            ).fetchall()
            for exercise, n_runs, first_passed, last_at in rows:
                passed, failing = conn.execute(
                    "SELECT passed, failing_check FROM runs WHERE exercise = ? "
                    "ORDER BY at DESC, id DESC LIMIT 1", (exercise,)).fetchone()
                out[exercise] = ExerciseProgress(PASSED if passed else ATTEMPTED, n_runs,
                                                 first_passed, last_at, failing)
        return out

    def integrity_ok(self) -> bool:
        with self._connect() as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
