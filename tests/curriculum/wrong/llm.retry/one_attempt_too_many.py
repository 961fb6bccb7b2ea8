# Wrong: off by one: calls the model max_attempts + 1 times (one try plus max_attempts retries).
def json_with_retry(generate, prompt, validate, max_attempts=3):
    if max_attempts < 1:
        raise ValueError("max_attempts must be >= 1")
    current = prompt
    for _ in range(max_attempts + 1):
        reply = generate(current)
        try:
            return validate(reply)
        except ValueError as exc:
            current = f"{prompt}\n\nYour previous reply was invalid: {exc}. Reply again with valid JSON only."
    raise ValueError("no valid reply")
