# Wrong: pops only the headings *deeper* than the new one (level > L), so a heading stays on the
# path next to its sibling ("A > B > C" instead of "A > C" when "## C" follows "## B").
import re


def chunk_headings(markdown):
    sections, path, lines, fence = [], [], [], False

    def flush():
        body = "\n".join(lines).strip()
        if body:
            sections.append((" > ".join(t for _, t in path), body))
        lines.clear()

    for line in markdown.splitlines():
        if line.startswith(("```", "~~~")):
            fence = not fence
        m = None if fence else re.match(r"^(#{1,6}) (.+)$", line)
        if not m:
            lines.append(line)
            continue
        flush()
        level = len(m.group(1))
        while path and path[-1][0] > level:
            path.pop()
        path.append((level, m.group(2).strip()))
    flush()
    return sections
