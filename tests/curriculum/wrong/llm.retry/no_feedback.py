# Wrong: sends the same prompt again without the error, so the model cannot know what to fix.
def json_with_retry(generate, prompt, validate, max_attempts=3):
    if max_attempts < 1:
        raise ValueError("max_attempts must be >= 1")
    for _ in range(max_attempts):
        reply = generate(prompt)
        try:
            return validate(reply)
        except ValueError:
            pass
    raise ValueError("no valid reply")
