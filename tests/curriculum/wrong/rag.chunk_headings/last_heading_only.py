# Wrong: titles each section by its own heading only, losing the path of headings above it.
import re


def chunk_headings(markdown):
    sections, title, lines, fence = [], "", [], False

    def flush():
        body = "\n".join(lines).strip()
        if body:
            sections.append((title, body))
        lines.clear()

    for line in markdown.splitlines():
        if line.startswith(("```", "~~~")):
            fence = not fence
        m = None if fence else re.match(r"^(#{1,6}) (.+)$", line)
        if not m:
            lines.append(line)
            continue
        flush()
        title = m.group(2).strip()
    flush()
    return sections
