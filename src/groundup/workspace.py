"""The learner's workspace: exercise files, settings, progress, notes and figures.

A workspace is a folder with a ``groundup.toml`` at its root. ``groundup init`` creates it and,
run again after an upgrade, adds only what is new: it never overwrites a file that exists.
"""

from __future__ import annotations

import os
import shutil
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from groundup.curriculum.registry import Exercise, Registry
from groundup.grading.runner import DEFAULT_MEMORY_MB, DEFAULT_OUTPUT_KB, DEFAULT_TIMEOUT_S, Limits
from groundup.progress import Progress

MARKER = "groundup.toml"
STATE_DIR = ".groundup"

_CONFIG_TEMPLATE = f"""\
# This folder is a groundup workspace. Commands run anywhere inside it find it.

[grader]
# Limits for one run of the checks of one exercise.
timeout_s = {DEFAULT_TIMEOUT_S:g}
memory_mb = {DEFAULT_MEMORY_MB}
output_kb = {DEFAULT_OUTPUT_KB}
"""

_README = """\
# My groundup workspace

This folder holds your work for **groundup**, AI from the ground up.

- `exercises/` — one file per exercise, in course order: fill in the `# TODO`s.
- `figures/` — the lessons' figures, written when you open a lesson.
- `groundup.toml` — settings (grader time and memory limits).
- `.groundup/` — your progress (SQLite) and backups. Keep it: it is your record.

## Commands
| command | what it does |
|---|---|
| `groundup` | the roadmap, with 📍 where you are and what to do next |
| `groundup lesson ID` | read a lesson (figures are saved in `figures/`) |
| `groundup check` | check the current exercise (`check ID`, `check --all`) |
| `groundup watch` | re-check on every save, move on when it passes |
| `groundup hint ID` | one more hint each time |
| `groundup solution ID` | the reference solution, once you have passed |
| `groundup list` / `progress` | every exercise and its status / your progress |
| `groundup note TOPIC "text"` | keep a note; `groundup export` writes a report to share |
| `groundup reset ID` | start an exercise again (your file is backed up first) |
| `groundup doctor` | check your set-up |
"""


class WorkspaceError(RuntimeError):
    """No workspace here, or its files are unusable; the message says what to do."""


@dataclass
class Workspace:
    root: Path
    limits: Limits

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def figures_dir(self) -> Path:
        return self.root / "figures"

    @property
    def progress(self) -> Progress:
        return Progress(self.state_dir / "progress.sqlite")

    def exercise_path(self, exercise: Exercise) -> Path:
        return self.root / exercise.workspace_path

    # -- finding and creating ---------------------------------------------------------------
    @classmethod
    def load(cls, root: Path) -> Workspace:
        config_file = root / MARKER
        try:
            with config_file.open("rb") as fh:
                config = tomllib.load(fh)
        except FileNotFoundError:
            raise WorkspaceError(f"{root} is not a groundup workspace (no {MARKER}).") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise WorkspaceError(f"{config_file} is not valid TOML: {exc}. Fix it, or delete it "
                                 "and run `groundup init` to write a fresh one.") from None
        grader = config.get("grader", {})
        try:
            limits = Limits(
                timeout_s=float(grader.get("timeout_s", DEFAULT_TIMEOUT_S)),
                memory_mb=int(grader.get("memory_mb", DEFAULT_MEMORY_MB)),
                output_kb=int(grader.get("output_kb", DEFAULT_OUTPUT_KB)),
            )
        except (TypeError, ValueError) as exc:
            raise WorkspaceError(f"{config_file}: [grader] settings must be numbers ({exc})") from None
        if limits.timeout_s <= 0 or limits.memory_mb < 256 or limits.output_kb <= 0:
            raise WorkspaceError(f"{config_file}: timeout_s must be > 0, memory_mb >= 256, "
                                 "output_kb > 0")
        return cls(root.resolve(), limits)

    @classmethod
    def find(cls, start: Path | None = None, explicit: Path | None = None) -> Workspace:
        """The workspace given by ``--workspace``, or the first one found walking up from
        ``start`` (the current directory)."""
        if explicit is not None:
            return cls.load(explicit.expanduser())
        env = os.environ.get("GROUNDUP_WORKSPACE")
        if env:
            return cls.load(Path(env).expanduser())
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / MARKER).is_file():
                return cls.load(folder)
        raise WorkspaceError(
            "no groundup workspace here. Create one with `groundup init my-ai` and `cd my-ai`, "
            "or pass --workspace DIR.")

    @classmethod
    def init(cls, root: Path, registry: Registry) -> tuple[Workspace, list[Path]]:
        """Create the workspace, or add what is missing; never overwrite. Returns the files
        created."""
        root = root.expanduser()
        if root.exists() and not root.is_dir():
            raise WorkspaceError(f"{root} exists and is not a folder")
        created: list[Path] = []

        def write_new(path: Path, text: str) -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                with path.open("x", encoding="utf-8") as fh:  # "x": fails if it exists
                    fh.write(text)
            except FileExistsError:
                return
            created.append(path)

        write_new(root / MARKER, _CONFIG_TEMPLATE)
        write_new(root / "README.md", _README)
        for exercise in registry.exercises:
            write_new(root / exercise.workspace_path, exercise.stub.read_text(encoding="utf-8"))
        (root / STATE_DIR / "backups").mkdir(parents=True, exist_ok=True)
        workspace = cls.load(root)
        workspace.progress  # noqa: B018 - creates the store
        return workspace, created

    # -- files ----------------------------------------------------------------------------
    def backup(self, exercise: Exercise) -> Path | None:
        """Copy the learner's file into ``.groundup/backups/`` and return the copy's path."""
        path = self.exercise_path(exercise)
        if not path.exists():
            return None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.state_dir / "backups" / f"{exercise.id}-{stamp}{path.suffix}"
        n = 1
        while target.exists():
            target = target.with_name(f"{exercise.id}-{stamp}-{n}{path.suffix}")
            n += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        return target

    def restore_stub(self, exercise: Exercise) -> Path | None:
        """Back up the learner's file, then put the original stub back."""
        backup = self.backup(exercise)
        path = self.exercise_path(exercise)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(exercise.stub.read_text(encoding="utf-8"), encoding="utf-8")
        os.replace(tmp, path)
        return backup
