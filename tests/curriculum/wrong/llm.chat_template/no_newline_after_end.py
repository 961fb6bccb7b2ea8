# Wrong: forgets the newline after <|im_end|>, so every <|im_start|> follows the previous
# message's end directly; the model was trained with the newline.
DEFAULT = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"


def chat_template(messages, add_generation_prompt=True):
    if not messages:
        raise ValueError("empty")
    for m in messages:
        if set(m) != {"role", "content"} or m["role"] not in ("system", "user", "assistant") \
                or not isinstance(m["content"], str):
            raise ValueError("bad message")
    out = "" if messages[0]["role"] == "system" else f"<|im_start|>system\n{DEFAULT}<|im_end|>"
    out += "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>" for m in messages)
    return out + ("<|im_start|>assistant\n" if add_generation_prompt else "")
