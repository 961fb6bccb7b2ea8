"""The ``groundup`` command: the learner's roadmap, lessons, checks, hints and progress.

Every error a learner can cause (unknown id, no workspace, a corrupt file) ends in a one-line
message and a non-zero exit code: 1 for a failed check or a broken file, 2 for a usage error.
"""

from __future__ import annotations

import difflib
import inspect
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from groundup import __version__
from groundup.curriculum.registry import Exercise, Lesson, Registry, RegistryError, load_registry
from groundup.progress import ATTEMPTED, NOT_STARTED, PASSED, ExerciseProgress, ProgressError
from groundup.workspace import Workspace, WorkspaceError

app = typer.Typer(
    name="groundup",
    pretty_exceptions_enable=False,
    help="AI from the ground up: write every equation as code, checked against the industry "
         "libraries. Run `groundup` inside your workspace to see where you are.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

ICONS = {PASSED: "✅", ATTEMPTED: "🟡", NOT_STARTED: "⬜"}
WorkspaceOption = Annotated[
    Path | None,
    typer.Option("--workspace", "-w", help="The workspace folder (default: found from the "
                 "current directory, walking up).", show_default=False),
]


class UsageError(Exception):
    """A mistake in the command line: exit code 2."""


class _State:
    workspace_dir: Path | None = None


state = _State()


# --------------------------------------------------------------------------------------------
# helpers

def _registry() -> Registry:
    return load_registry()


def _workspace(explicit: Path | None = None) -> Workspace:
    return Workspace.find(explicit=explicit or state.workspace_dir)


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=3, cutoff=0.5)
    if not close:
        close = [o for o in options if word.lower() in o.lower()][:3]
    return f" Did you mean: {', '.join(close)}?" if close else " Run `groundup list` to see them."


def _exercise(registry: Registry, exercise_id: str) -> Exercise:
    try:
        return registry.exercise(exercise_id)
    except KeyError:
        ids = [ex.id for ex in registry.exercises]
        raise UsageError(f"unknown exercise {exercise_id!r}." + _suggest(exercise_id, ids)) from None


def _statuses(ws: Workspace, registry: Registry) -> dict[str, ExerciseProgress]:
    progress = ws.progress.all()
    empty = ExerciseProgress(NOT_STARTED, 0, None, None, None)
    return {ex.id: progress.get(ex.id, empty) for ex in registry.exercises}


def _current(registry: Registry, statuses: dict[str, ExerciseProgress]) -> Exercise | None:
    """The first exercise, in course order, that has not passed."""
    return next((ex for ex in registry.exercises if statuses[ex.id].status != PASSED), None)


def _rel(ws: Workspace, path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _bar(done: int, total: int, width: int = 20) -> Text:
    if total == 0:
        return Text("coming soon", style="dim")
    filled = round(width * done / total)
    return Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim") + \
        Text(f" {done}/{total}")


# --------------------------------------------------------------------------------------------
# the roadmap

@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    workspace: WorkspaceOption = None,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    """Show the roadmap: the five phases, your progress, 📍 where you are, and the next step."""
    state.workspace_dir = workspace
    if version:
        console.print(f"groundup {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        show_roadmap()


def show_roadmap() -> None:
    registry = _registry()
    ws = _workspace()
    statuses = _statuses(ws, registry)
    current = _current(registry, statuses)
    console.print(Text("groundup · AI from the ground up", style="bold"))
    for phase in registry.phases:
        exercises = phase.exercises
        done = sum(statuses[ex.id].status == PASSED for ex in exercises)
        line = Text(f"\nPhase {phase.number} · {phase.title:<30}", style="bold cyan")
        console.print(line + _bar(done, len(exercises)))
        for topic in phase.topics:
            t_done = sum(statuses[ex.id].status == PASSED for ex in topic.exercises)
            here = current is not None and current.topic == topic.id
            if topic.coming_soon:
                mark, style, detail = "  ", "dim", "coming soon"
            elif t_done == len(topic.exercises):
                mark, style, detail = "✅", "green", f"{t_done}/{len(topic.exercises)}"
            else:
                mark, style, detail = ("📍" if here else "  "), ("bold" if here else ""), \
                    f"{t_done}/{len(topic.exercises)}"
            console.print(Text(f"   {mark} {topic.title:<36}", style=style) +
                          Text(detail, style="dim"))
            if here and current is not None:
                for ex in topic.exercises:
                    icon = ICONS[statuses[ex.id].status]
                    marker = "  📍 you are here" if ex.id == current.id else ""
                    console.print(Text(f"        {icon} {ex.id:<28} {ex.title}",
                                       style="bold" if marker else "") +
                                  Text(marker, style="bold magenta"))
    console.print()
    if current is None:
        console.print("🎓 Every available exercise has passed. New topics arrive with upgrades: "
                      "`pip install -U groundup`, then `groundup init` adds them.")
        return
    path = ws.exercise_path(current)
    console.print(Panel.fit(
        f"Next: [bold]{current.title}[/bold] ({current.id})\n"
        f"  1. read the lesson:   groundup lesson {current.lesson}\n"
        f"  2. edit the exercise: {_rel(ws, path)}\n"
        f"  3. check it:          groundup check\n"
        f"     or re-check on every save: groundup watch",
        title="📍 you are here", border_style="magenta"))


# --------------------------------------------------------------------------------------------
# init, list, lesson

@app.command()
def init(
    directory: Annotated[Path | None, typer.Argument(
        help="Where to create the workspace (default: --workspace, else here).")] = None,
) -> None:
    """Create a workspace (or add new exercises to one); never overwrites your files."""
    registry = _registry()
    directory = directory or state.workspace_dir or Path(".")
    existed = (directory / "groundup.toml").exists()
    ws, created = Workspace.init(directory, registry)
    n_ex = sum(1 for p in created if p.suffix == ".py")
    if existed:
        console.print(f"Workspace {ws.root} is up to date: added {n_ex} new exercise file(s); "
                      "your existing files were left untouched.")
    else:
        console.print(f"Created the groundup workspace {ws.root} with {n_ex} exercises.")
    console.print(f"Next: `cd {_rel(ws, ws.root)}` and run `groundup` to see your roadmap.")


@app.command("list")
def list_(
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    phase: Annotated[str | None, typer.Option(help="Only this phase (id or number).")] = None,
) -> None:
    """List every exercise in course order, with its status."""
    registry = _registry()
    ws = _workspace()
    statuses = _statuses(ws, registry)
    rows: list[dict[str, Any]] = []
    for p in registry.phases:
        if phase and phase not in (p.id, str(p.number)):
            continue
        for ex in p.exercises:
            st = statuses[ex.id]
            rows.append({
                "id": ex.id, "phase": ex.phase, "phase_number": p.number, "topic": ex.topic,
                "title": ex.title, "path": ex.workspace_path, "functions": list(ex.functions),
                "lesson": ex.lesson, "status": st.status, "runs": st.runs,
            })
    if phase and not rows and phase not in {p.id for p in registry.phases} | {
            str(p.number) for p in registry.phases}:
        raise UsageError(f"unknown phase {phase!r}." + _suggest(phase, [p.id for p in registry.phases]))
    if json_:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(show_edge=False, pad_edge=False)
    for col in ("", "id", "title", "file"):
        table.add_column(col)
    for row in rows:
        table.add_row(ICONS[row["status"]], row["id"], row["title"], row["path"])
    console.print(table)


_FIGURE = re.compile(r"!\[([^\]]*)\]\(figures/([^)\s]+)\)")
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$`])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)")


def protect_math(markdown: str) -> str:
    """Keep LaTeX as written in the terminal: Markdown would eat its ``_`` and ``*``.

    Display math becomes a code block, inline math a code span; code blocks are left alone.
    """
    parts = re.split(r"(```.*?```)", markdown, flags=re.DOTALL)
    for i in range(0, len(parts), 2):
        text = _DISPLAY_MATH.sub(lambda m: f"\n```latex\n{m.group(1).strip()}\n```\n", parts[i])
        pieces = re.split(r"(```.*?```|`[^`\n]*`)", text, flags=re.DOTALL)
        for j in range(0, len(pieces), 2):
            pieces[j] = _INLINE_MATH.sub(lambda m: f"`{m.group(1)}`", pieces[j])
        parts[i] = "".join(pieces)
    return "".join(parts)


def _find_lesson(registry: Registry, ident: str) -> Lesson:
    try:
        return registry.lesson(ident)
    except KeyError:
        pass
    try:
        return registry.lesson(registry.exercise(ident).lesson)
    except KeyError:
        pass
    try:
        topic = registry.topic(ident)
    except KeyError:
        ids = [lesson.id for lesson in registry.lessons] + [t.id for t in registry.topics]
        raise UsageError(f"unknown lesson {ident!r}." + _suggest(ident, ids)) from None
    if not topic.lessons:
        raise UsageError(f"the topic {topic.title!r} is coming soon: it has no lessons yet.")
    return topic.lessons[0]


def write_figures(lesson: Lesson, out_dir: Path) -> list[Path]:
    """Write the lesson's figures into ``out_dir`` unless they are all there already."""
    from groundup.curriculum.registry import resolve

    text = lesson.file.read_text(encoding="utf-8")
    linked = [out_dir / name for _, name in _FIGURE.findall(text)]
    if not lesson.figures or all(p.exists() for p in linked):
        return linked
    out_dir.mkdir(parents=True, exist_ok=True)
    import matplotlib

    matplotlib.use("Agg")
    resolve(lesson.figures)(out_dir)
    return linked


@app.command()
def lesson(
    lesson_id: Annotated[str | None, typer.Argument(
        metavar="ID", help="A lesson, exercise or topic id (default: the current one).")] = None,
) -> None:
    """Read a lesson in the terminal; its figures are saved in the workspace's figures/."""
    registry = _registry()
    try:
        ws: Workspace | None = _workspace()
    except WorkspaceError:
        ws = None
    if lesson_id is None:
        if ws is None:
            raise UsageError("name a lesson: `groundup lesson linalg.vectors` (see `groundup list`)")
        current = _current(registry, _statuses(ws, registry))
        if current is None:
            raise UsageError("every exercise has passed; name a lesson to re-read it")
        lesson_id = current.lesson
    found = _find_lesson(registry, lesson_id)
    out_dir = ws.figures_dir if ws else Path(tempfile.gettempdir()) / "groundup-figures"
    write_figures(found, out_dir)
    text = found.file.read_text(encoding="utf-8")
    text = _FIGURE.sub(lambda m: f"\n> 🖼  **Figure:** {m.group(1)}  \n> `{out_dir / m.group(2)}`\n",
                       text)
    console.print(Markdown(protect_math(text)))
    exercises = [ex for ex in registry.exercises if ex.lesson == found.id]
    if exercises:
        console.print(Text("\nExercises for this lesson:", style="bold"))
        statuses = _statuses(ws, registry) if ws else {}
        for ex in exercises:
            icon = ICONS[statuses[ex.id].status] if ws else "⬜"
            where = f"  {ex.workspace_path}"
            console.print(f"  {icon} {ex.id:<28} {ex.title}{where}")


# --------------------------------------------------------------------------------------------
# check and watch

def _stub_untouched(ws: Workspace, ex: Exercise) -> bool:
    try:
        return ws.exercise_path(ex).read_bytes() == ex.stub.read_bytes()
    except OSError:
        return False


def run_check(ws: Workspace, ex: Exercise) -> Any:
    """Grade the learner's file for ``ex`` and record the run (unless the stub is untouched)."""
    from groundup.grading.runner import grade

    path = ws.exercise_path(ex)
    result = grade(ex, path, display=ex.workspace_path, limits=ws.limits, cwd=ws.root)
    if not _stub_untouched(ws, ex):
        failing = result.first_failure
        ws.progress.record_run(ex.id, result.passed, result.duration_s,
                               failing.name if failing else None)
    return result


def print_result(ws: Workspace, ex: Exercise, result: Any, verbose: bool = True) -> None:
    n_ok = sum(c.passed for c in result.checks)
    head = f"{ex.id} — {ex.title}: "
    if result.passed:
        console.print(Text(f"✅ {head}passed", style="bold green") +
                      Text(f"  ({n_ok}/{len(result.checks)} checks, {result.duration_s:.2f} s)",
                           style="dim"))
    else:
        console.print(Text(f"❌ {head}{result.status}", style="bold red") +
                      Text(f"  ({n_ok}/{len(result.checks)} checks passed)", style="dim"))
    if not verbose:
        return
    seen: set[str] = set()
    for check in result.checks:
        if check.passed:
            console.print(Text(f"   ✓ {check.name}", style="green"))
            continue
        label = f"   ✗ {check.name}" + (" (hidden)" if check.hidden else "")
        # The problem without its input line: the same problem is explained once.
        lines = check.message.splitlines()
        problem = "\n".join(line for line in lines
                            if not line.startswith(("input:", "a hidden", "hint:")))
        if problem in seen:
            console.print(Text(label, style="red") + Text("  (same problem as above)", style="dim"))
            continue
        seen.add(problem)
        console.print(Text(label, style="red"))
        for line in lines:
            console.print(Text(f"       {line}"))
    if result.output:
        console.print(Text("\n   your code printed:", style="dim"))
        for line in result.output.splitlines()[:20]:
            console.print(Text(f"   │ {line}", style="dim"))
        if result.output_bytes > len(result.output.encode()) or len(result.output.splitlines()) > 20:
            console.print(Text(f"   │ ... ({result.output_bytes} bytes in all, cut short)",
                               style="dim"))
    if not result.passed:
        console.print(f"\n   Stuck? `groundup hint {ex.id}` shows one more hint each time.")


@app.command()
def check(
    exercise_id: Annotated[str | None, typer.Argument(
        metavar="ID", help="The exercise (default: the current one).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Check every available exercise.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Check an exercise against the reference; exit 0 when it passes, 1 when not."""
    registry = _registry()
    ws = _workspace()
    if all_:
        if exercise_id:
            raise UsageError("give an exercise id or --all, not both")
        results = []
        for ex in registry.exercises:
            result = run_check(ws, ex)
            results.append(result)
            if not json_:
                print_result(ws, ex, result, verbose=False)
        if json_:
            print(json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False))
        else:
            n = sum(r.passed for r in results)
            console.print(f"\n{n} of {len(results)} exercises pass.")
        raise typer.Exit(0 if all(r.passed for r in results) else 1)
    if exercise_id is None:
        current = _current(registry, _statuses(ws, registry))
        if current is None:
            if not json_:
                console.print("🎓 Every available exercise has passed.")
            raise typer.Exit(0)
        ex = current
    else:
        ex = _exercise(registry, exercise_id)
    before = ws.progress.exercise(ex.id)
    result = run_check(ws, ex)
    if json_:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        raise typer.Exit(0 if result.passed else 1)
    print_result(ws, ex, result)
    if result.passed:
        if before.first_passed_at is None and not _stub_untouched(ws, ex):
            console.print("🎉 First pass! `groundup solution "
                          f"{ex.id}` now shows the reference solution to compare with yours.")
        nxt = _current(registry, _statuses(ws, registry))
        if nxt is not None:
            console.print(f"Next: {nxt.id} — {nxt.title}: {ws.exercise_path(nxt).relative_to(ws.root)}")
    raise typer.Exit(0 if result.passed else 1)


def watch_loop(ws: Workspace, registry: Registry, start: Exercise | None, poll_s: float = 0.5,
               max_checks: int | None = None) -> int:
    """Check the current exercise on every save; move to the next one when it passes."""
    ex = start or _current(registry, _statuses(ws, registry))
    checks = 0
    while ex is not None:
        path = ws.exercise_path(ex)
        console.rule(f"{ex.id} — {ex.title}")
        console.print(f"Watching {path.relative_to(ws.root)} (Ctrl-C to stop)")
        result = run_check(ws, ex)
        checks += 1
        print_result(ws, ex, result)
        if max_checks is not None and checks >= max_checks:
            return checks
        if result.passed:
            ex = _current(registry, _statuses(ws, registry))
            if ex is not None:
                console.print(f"\n➡  On to {ex.id}: open {ws.exercise_path(ex).relative_to(ws.root)}"
                              f" (lesson: groundup lesson {ex.lesson})")
            continue
        last = path.stat().st_mtime_ns if path.exists() else 0
        while True:
            time.sleep(poll_s)
            now = path.stat().st_mtime_ns if path.exists() else 0
            if now != last:
                break
    console.print("🎓 Every available exercise has passed.")
    return checks


@app.command()
def watch(
    exercise_id: Annotated[str | None, typer.Argument(
        metavar="ID", help="Start from this exercise (default: the current one).")] = None,
) -> None:
    """Re-check the current exercise every time you save it; advance when it passes."""
    registry = _registry()
    ws = _workspace()
    start = _exercise(registry, exercise_id) if exercise_id else None
    try:
        watch_loop(ws, registry, start)
    except KeyboardInterrupt:
        console.print("\nStopped watching. Your progress is saved.")


# --------------------------------------------------------------------------------------------
# hints, solutions, reset

@app.command()
def hint(
    exercise_id: Annotated[str | None, typer.Argument(
        metavar="ID", help="The exercise (default: the current one).")] = None,
) -> None:
    """Show one more level of hints each time you ask."""
    registry = _registry()
    ws = _workspace()
    if exercise_id is None:
        ex = _current(registry, _statuses(ws, registry))
        if ex is None:
            raise UsageError("every exercise has passed; name one: `groundup hint ID`")
    else:
        ex = _exercise(registry, exercise_id)
    level = ws.progress.next_hint_level(ex.id, len(ex.hints))
    console.print(Text(f"Hints for {ex.id} — {ex.title}", style="bold"))
    for i, text in enumerate(ex.hints[:level], start=1):
        console.print(f"  {i}/{len(ex.hints)}. {text}")
    if level < len(ex.hints):
        console.print(Text(f"Run `groundup hint {ex.id}` again for the next hint.", style="dim"))
    else:
        console.print(Text(f"That was the last hint. Re-read the lesson: groundup lesson {ex.lesson}",
                           style="dim"))


@app.command()
def solution(exercise_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """Show the reference solution, once your own code has passed."""
    registry = _registry()
    ex = _exercise(registry, exercise_id)
    ws = _workspace()
    if ws.progress.exercise(ex.id).first_passed_at is None:
        console.print(f"🔒 The solution to {ex.id} unlocks once your code passes "
                      f"`groundup check {ex.id}`. Stuck? `groundup hint {ex.id}`.")
        raise typer.Exit(1)
    for ref in ex.reference_functions():
        source = inspect.getsource(ref)
        module = inspect.getmodule(ref)
        title = f"{module.__name__ if module else ''}.{ref.__name__}"
        console.print(Panel(Syntax(source, "python", line_numbers=False), title=title))


@app.command()
def reset(
    exercise_id: Annotated[str, typer.Argument(metavar="ID")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Restore an exercise's stub; your file is backed up in .groundup/backups first."""
    registry = _registry()
    ex = _exercise(registry, exercise_id)
    ws = _workspace()
    path = ws.exercise_path(ex)
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(f"`groundup reset {ex.id}` needs confirmation: add --yes")
        typer.confirm(f"Restore the original stub of {ex.id} ({ex.workspace_path})? "
                      "Your current file is backed up first.", abort=True)
    backup = ws.restore_stub(ex)
    console.print(f"Restored {path.relative_to(ws.root)}.")
    if backup:
        console.print(f"Your previous file is saved as {backup.relative_to(ws.root)}.")


# --------------------------------------------------------------------------------------------
# progress, notes, export

@app.command()
def progress() -> None:
    """Your progress per phase and topic."""
    registry = _registry()
    ws = _workspace()
    statuses = _statuses(ws, registry)
    table = Table(title="Your progress", show_edge=False)
    table.add_column("phase / topic")
    table.add_column("passed", justify="right")
    table.add_column("", min_width=22)
    table.add_column("runs", justify="right")
    total = done_all = 0
    for phase in registry.phases:
        exs = phase.exercises
        done = sum(statuses[e.id].status == PASSED for e in exs)
        total += len(exs)
        done_all += done
        table.add_row(Text(f"{phase.number}. {phase.title}", style="bold"), f"{done}/{len(exs)}",
                      _bar(done, len(exs)), str(sum(statuses[e.id].runs for e in exs)))
        for topic in phase.topics:
            t = topic.exercises
            td = sum(statuses[e.id].status == PASSED for e in t)
            table.add_row(f"   {topic.title}", f"{td}/{len(t)}" if t else "—",
                          _bar(td, len(t)),
                          str(sum(statuses[e.id].runs for e in t)) if t else "")
    console.print(table)
    pct = 100 * done_all / total if total else 0
    console.print(f"\n{done_all} of {total} exercises passed ({pct:.0f} %).")


def _topic_of(registry: Registry, ident: str) -> str:
    for topic in registry.topics:
        if topic.id == ident:
            return topic.id
    for finder in (registry.exercise, registry.lesson):
        try:
            return finder(ident).topic
        except KeyError:
            continue
    ids = [t.id for t in registry.topics]
    raise UsageError(f"unknown topic {ident!r}." + _suggest(ident, ids))


@app.command()
def note(
    topic: Annotated[str, typer.Argument(help="A topic, lesson or exercise id.")],
    text: Annotated[str | None, typer.Argument(
        help="The note (Markdown); '-' reads it from standard input. Without it, shows the "
             "topic's notes.")] = None,
) -> None:
    """Keep a Markdown note on a topic, or show the notes you kept."""
    registry = _registry()
    topic_id = _topic_of(registry, topic)
    ws = _workspace()
    if text is None:
        notes = ws.progress.notes(topic_id)
        if not notes:
            console.print(f"No notes on {topic_id} yet: `groundup note {topic_id} \"...\"`.")
        for _, at, body in notes:
            console.print(Text(time.strftime("%Y-%m-%d %H:%M", time.localtime(at)), style="dim"))
            console.print(Markdown(body))
        return
    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise UsageError("the note is empty")
    ws.progress.add_note(topic_id, text.strip())
    console.print(f"Noted on {topic_id}. `groundup export` puts your notes in your report.")


def export_markdown(ws: Workspace, registry: Registry) -> str:
    statuses = _statuses(ws, registry)
    notes = ws.progress.notes()
    fmt = "%Y-%m-%d"
    lines = ["# My groundup progress", "",
             f"Exported {time.strftime('%Y-%m-%d %H:%M')} · groundup {__version__}", ""]
    total = len(registry.exercises)
    done = sum(s.status == PASSED for s in statuses.values())
    lines += [f"**{done} of {total} exercises passed.**", "", "| phase | passed |", "|---|---|"]
    for phase in registry.phases:
        exs = phase.exercises
        n = sum(statuses[e.id].status == PASSED for e in exs)
        lines.append(f"| {phase.number}. {phase.title} | {n}/{len(exs)} |"
                     if exs else f"| {phase.number}. {phase.title} | coming soon |")
    for phase in registry.phases:
        if not phase.exercises:
            continue
        lines += ["", f"## Phase {phase.number}: {phase.title}"]
        for topic in phase.topics:
            if topic.coming_soon:
                continue
            lines += ["", f"### {topic.title}", "", "| exercise | status | first passed | runs |",
                      "|---|---|---|---|"]
            for ex in topic.exercises:
                st = statuses[ex.id]
                first = time.strftime(fmt, time.localtime(st.first_passed_at)) \
                    if st.first_passed_at else ""
                lines.append(f"| {ex.title} (`{ex.id}`) | {ICONS[st.status]} {st.status} | "
                             f"{first} | {st.runs} |")
            topic_notes = [n for n in notes if n[0] == topic.id]
            if topic_notes:
                lines += ["", "**My notes**", ""]
                for _, at, body in topic_notes:
                    lines += [f"*{time.strftime(fmt, time.localtime(at))}*", "", body, ""]
    return "\n".join(lines).rstrip() + "\n"


@app.command()
def export(
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the report ('-' for standard output; default: "
        "reports/progress-<date>.md in the workspace).")] = None,
) -> None:
    """Write a Markdown report of your progress and notes, to share."""
    registry = _registry()
    ws = _workspace()
    report = export_markdown(ws, registry)
    if output is not None and str(output) == "-":
        print(report, end="")
        return
    if output is None:
        output = ws.root / "reports" / f"progress-{time.strftime('%Y%m%d-%H%M%S')}.md"
    if output.exists():
        raise UsageError(f"{output} exists; choose another --output (nothing is overwritten)")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, encoding="utf-8")
    console.print(f"Wrote {output}")


@app.command()
def data(
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Folder to write the CSV files to (default: data/ in the workspace).")] = None,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace CSV files that are already there.")] = False,
) -> None:
    """Write the course's messy data set (customers.csv, orders.csv) as CSV files.

    The data is generated by groundup itself (seeded: the same files every time), with the
    mess real data has: missing values in several forms, duplicates, inconsistent
    categories, outliers and dates as strings. Phase 2's pandas lessons clean it.
    """
    from groundup import datasets

    if out is None:
        out = _workspace().root / "data"
    try:
        paths = datasets.write_csv(out, overwrite=overwrite)
    except FileExistsError as exc:
        raise UsageError(f"{exc}; nothing was overwritten (use --overwrite to replace it)") from None
    for path in paths:
        console.print(f"Wrote {path}")


# --------------------------------------------------------------------------------------------
# ask

@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in quotes.")],
    k: Annotated[int, typer.Option("-k", "--top", min=1, max=20,
                                   help="How many passages to retrieve.")] = 5,
    no_llm: Annotated[bool, typer.Option("--no-llm",
                                         help="Show the best passages; do not generate.")] = False,
) -> None:
    """Ask the course a question: answers from the lessons, hints and your notes, with sources."""
    from groundup.rag.cli import ask_command

    try:
        root: Path | None = _workspace().root
    except WorkspaceError:
        root = None  # outside a workspace: the course alone, nothing cached
    code = ask_command(question, root, k=k, no_llm=no_llm, console=console)
    if code:
        raise typer.Exit(code)


# --------------------------------------------------------------------------------------------
# doctor

@app.command()
def doctor() -> None:
    """Check your set-up and say what to install or fix."""
    import importlib.metadata as md

    rows: list[tuple[str, str, str]] = []  # (mark, what, detail)
    ok = True
    py = sys.version_info
    rows.append(("✓" if py >= (3, 11) else "✗", "Python", f"{py.major}.{py.minor}.{py.micro}"
                 + ("" if py >= (3, 11) else " — groundup needs Python 3.11 or newer")))
    for dist in ("numpy", "scipy", "pandas", "matplotlib", "seaborn", "scikit-learn", "typer", "rich"):
        try:
            rows.append(("✓", dist, md.version(dist)))
        except md.PackageNotFoundError:
            ok = False
            rows.append(("✗", dist, f"missing — pip install {dist}"))
    try:
        rows.append(("✓", "torch (optional)", md.version("torch")))
    except md.PackageNotFoundError:
        rows.append(("!", "torch (optional)", "not installed — the PyTorch lessons and comparisons "
                     "need it: pip install 'groundup[torch]'"))
    from groundup.llm import doctor_rows

    marks = {"ok": "✓", "missing": "!", "error": "✗"}
    for mark, what, detail in doctor_rows():
        ok &= mark != "error"
        rows.append((marks[mark], f"{what} (optional, llm)", detail))
    try:
        registry = _registry()
        rows.append(("✓", "curriculum", f"{len(registry.exercises)} exercises in "
                     f"{sum(not t.coming_soon for t in registry.topics)} topics"))
    except RegistryError as exc:
        ok = False
        registry = None
        rows.append(("✗", "curriculum", f"broken: {exc} — reinstall groundup"))
    try:
        ws = _workspace()
        rows.append(("✓", "workspace", str(ws.root)))
        try:
            good = ws.progress.integrity_ok()
            rows.append(("✓" if good else "✗", "progress store",
                         "ok" if good else "damaged — copy .groundup/progress.sqlite aside and "
                         "run `groundup init` to start a fresh one"))
            ok &= good
        except ProgressError as exc:
            ok = False
            rows.append(("✗", "progress store", str(exc)))
        if registry is not None:
            missing = [ex.id for ex in registry.exercises if not ws.exercise_path(ex).exists()]
            rows.append(("✓" if not missing else "!", "exercise files",
                         "all present" if not missing else
                         f"{len(missing)} missing ({', '.join(missing[:3])}...) — run "
                         "`groundup init` to add them"))
        from groundup.grading.runner import grade

        if registry is not None and registry.exercises:
            ex = registry.exercises[0]
            with tempfile.TemporaryDirectory() as tmp:
                probe = Path(tmp) / "probe.py"
                probe.write_text("".join(
                    f"from {r.partition(':')[0]} import {r.partition(':')[2]} as {f}\n"
                    for f, r in zip(ex.functions, ex.reference, strict=True)))
                result = grade(ex, probe, limits=ws.limits)
            rows.append(("✓" if result.passed else "✗", "grader",
                         f"ran {ex.id}'s checks in {result.duration_s:.2f} s" if result.passed
                         else f"could not run checks: {result.status}"))
            ok &= result.passed
    except WorkspaceError as exc:
        rows.append(("!", "workspace", str(exc)))
    table = Table(show_header=False, show_edge=False)
    styles = {"✓": "green", "✗": "red", "!": "yellow"}
    for mark, what, detail in rows:
        style = styles[mark]
        # Text, not markup: details hold brackets, as in pip install 'groundup[llm]'
        table.add_row(Text(mark, style=style), Text(what), Text(detail))
    console.print(table)
    if not ok:
        raise typer.Exit(1)


# --------------------------------------------------------------------------------------------

def main() -> None:
    """Entry point: turns every foreseeable error into one clear line."""
    try:
        app()
    except UsageError as exc:
        err_console.print(f"groundup: {exc}")
        sys.exit(2)
    except (WorkspaceError, ProgressError, RegistryError) as exc:
        err_console.print(f"groundup: {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("groundup: interrupted")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a bug of ours: one line, the details on request
        if os.environ.get("GROUNDUP_DEBUG"):
            raise
        err_console.print(f"groundup: internal error: {type(exc).__name__}: {exc}. This is a bug "
                          "in groundup, not in your code; rerun with GROUNDUP_DEBUG=1 for details "
                          "and please report it.")
        sys.exit(3)


if __name__ == "__main__":
    main()
