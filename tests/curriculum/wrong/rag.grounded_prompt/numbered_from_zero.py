# Wrong: numbers the sources from 0, so the model cites [0], which no reader expects.
INSTRUCTIONS = (
    "Answer the question using only the sources below. Cite every source you use by its "
    "number in square brackets, like [1]. If the sources do not contain the answer, reply "
    "exactly: I don't know from these documents."
)


def grounded_prompt(question, passages):
    question = " ".join(question.split())
    if not question or not passages:
        raise ValueError("blank question or no passages")
    lines = [INSTRUCTIONS, "", "Sources:"]
    for i, (title, text) in enumerate(passages):
        title, text = " ".join(title.split()), " ".join(text.split())
        lines.append(f"[{i}] {title}: {text}" if title else f"[{i}] {text}")
    return "\n".join(lines + ["", f"Question: {question}", "Answer:"])
