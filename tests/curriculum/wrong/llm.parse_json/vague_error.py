# Wrong: raises ValueError for missing keys without saying which ones, so a retry prompt
# cannot tell the model what to fix.
import json


def parse_json(text, required=()):
    decoder = json.JSONDecoder()
    start = text.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            start = text.find("{", start + 1)
            continue
        if any(k not in value for k in required):
            raise ValueError("invalid object")
        return value
    raise ValueError("no JSON object found")
