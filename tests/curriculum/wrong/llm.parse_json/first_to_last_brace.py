# Wrong: takes everything from the first '{' to the last '}' (a greedy regex): fails when
# there are two objects, or braces in the prose.
import json


def parse_json(text, required=()):
    start, end = text.find("{"), text.rfind("}")
    if start == -1 or end < start:
        raise ValueError("no JSON object found")
    try:
        value = json.loads(text[start:end + 1])
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ValueError("not an object")
    missing = [k for k in required if k not in value]
    if missing:
        raise ValueError(f"missing key(s) {missing}")
    return value
