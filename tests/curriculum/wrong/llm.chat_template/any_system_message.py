# Wrong: skips the default system message when *any* message is a system message; the
# template looks at messages[0] only.
DEFAULT = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"


def chat_template(messages, add_generation_prompt=True):
    if not messages:
        raise ValueError("empty")
    for m in messages:
        if set(m) != {"role", "content"} or m["role"] not in ("system", "user", "assistant") \
                or not isinstance(m["content"], str):
            raise ValueError("bad message")
    has_system = any(m["role"] == "system" for m in messages)
    out = "" if has_system else f"<|im_start|>system\n{DEFAULT}<|im_end|>\n"
    out += "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return out + ("<|im_start|>assistant\n" if add_generation_prompt else "")
