# Wrong: returns the model's raw reply (a string) instead of what validate returned (the
# parsed value).
def json_with_retry(generate, prompt, validate, max_attempts=3):
    if max_attempts < 1:
        raise ValueError("max_attempts must be >= 1")
    current = prompt
    for _ in range(max_attempts):
        reply = generate(current)
        try:
            validate(reply)
            return reply
        except ValueError as exc:
            current = f"{prompt}\n\nYour previous reply was invalid: {exc}. Reply again with valid JSON only."
    raise ValueError("no valid reply")
