# Wrong: keeps an empty instruction, so the prompt starts with a blank line.
def few_shot_prompt(instruction, examples, query, input_label="Input", output_label="Output"):
    blocks = [instruction]
    for ex in examples:
        if isinstance(ex, str) or len(ex) != 2 or not all(isinstance(s, str) for s in ex):
            raise ValueError("bad example")
        blocks.append(f"{input_label}: {ex[0]}\n{output_label}: {ex[1]}")
    blocks.append(f"{input_label}: {query}\n{output_label}:")
    return "\n\n".join(blocks)
