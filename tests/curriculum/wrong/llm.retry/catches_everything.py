# Wrong: catches every exception, so a bug in the validator (TypeError) is retried and hidden.
def json_with_retry(generate, prompt, validate, max_attempts=3):
    if max_attempts < 1:
        raise ValueError("max_attempts must be >= 1")
    current = prompt
    for _ in range(max_attempts):
        reply = generate(current)
        try:
            return validate(reply)
        except Exception as exc:  # noqa: BLE001
            current = f"{prompt}\n\nYour previous reply was invalid: {exc}. Reply again with valid JSON only."
    raise ValueError("no valid reply")
