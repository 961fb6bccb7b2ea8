# Wrong: tries only the first '{': a brace in the prose before the JSON hides the object.
import json


def parse_json(text, required=()):
    start = text.find("{")
    if start == -1:
        raise ValueError("no JSON object found")
    try:
        value, _ = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
    missing = [k for k in required if k not in value]
    if missing:
        raise ValueError(f"missing key(s) {missing}")
    return value
