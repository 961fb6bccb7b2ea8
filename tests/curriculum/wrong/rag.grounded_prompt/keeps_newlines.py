# Wrong: pastes the passages as they are, so a passage's own newlines break the one-line-per-
# source format (and the model may read the second line as another source).
INSTRUCTIONS = (
    "Answer the question using only the sources below. Cite every source you use by its "
    "number in square brackets, like [1]. If the sources do not contain the answer, reply "
    "exactly: I don't know from these documents."
)


def grounded_prompt(question, passages):
    if not question.strip() or not passages:
        raise ValueError("blank question or no passages")
    lines = [INSTRUCTIONS, "", "Sources:"]
    for i, (title, text) in enumerate(passages, start=1):
        lines.append(f"[{i}] {title.strip()}: {text.strip()}" if title.strip() else f"[{i}] {text.strip()}")
    return "\n".join(lines + ["", f"Question: {question.strip()}", "Answer:"])
