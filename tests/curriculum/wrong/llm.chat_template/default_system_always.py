# Wrong: always puts the default system message first, even when the conversation already
# starts with its own system message (the template adds it only when messages[0] is not one).
DEFAULT = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"


def chat_template(messages, add_generation_prompt=True):
    if not messages:
        raise ValueError("empty")
    for m in messages:
        if set(m) != {"role", "content"} or m["role"] not in ("system", "user", "assistant") \
                or not isinstance(m["content"], str):
            raise ValueError("bad message")
    out = f"<|im_start|>system\n{DEFAULT}<|im_end|>\n"
    out += "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return out + ("<|im_start|>assistant\n" if add_generation_prompt else "")
