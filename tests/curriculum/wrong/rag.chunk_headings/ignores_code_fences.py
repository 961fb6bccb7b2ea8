# Wrong: treats a "# comment" inside a fenced code block as a heading.
import re


def chunk_headings(markdown):
    sections, path, lines = [], [], []

    def flush():
        body = "\n".join(lines).strip()
        if body:
            sections.append((" > ".join(t for _, t in path), body))
        lines.clear()

    for line in markdown.splitlines():
        m = re.match(r"^(#{1,6}) (.+)$", line)
        if not m:
            lines.append(line)
            continue
        flush()
        level = len(m.group(1))
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, m.group(2).strip()))
    flush()
    return sections
