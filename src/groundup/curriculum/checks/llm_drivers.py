"""Drivers for the LLM checks: run in the learner's process (standard library + NumPy).

The retry exercise is checked with fake models: a function that returns scripted replies one
after the other and records every prompt it was sent.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import numpy as np

PROMPT = 'Reply with a JSON object with the keys "name" and "age" for Ada, who is 36.'
REQUIRED = ("name", "age")


def error_for(reply: str) -> str:
    """The message the fake validator raises for ``reply`` ('' when the reply is valid)."""
    try:
        value = json.loads(reply)
    except json.JSONDecodeError:
        return "the reply is not JSON"
    missing = [k for k in REQUIRED if k not in value]
    return f"missing key(s) {missing}" if missing else ""


def _validate(reply: str) -> dict[str, Any]:
    error = error_for(reply)
    if error:
        raise ValueError(error)
    return dict(json.loads(reply))


def _buggy_validate(reply: str) -> dict[str, Any]:
    raise TypeError("a bug in the validator")


def _run(module: ModuleType, replies: list[str], max_attempts: int, validate: Any) -> dict[str, Any]:
    prompts: list[str] = []

    def generate(prompt: str) -> str:
        prompts.append(prompt)
        return replies[min(len(prompts), len(replies)) - 1]

    try:
        value = module.json_with_retry(generate, PROMPT, validate, max_attempts=max_attempts)
    except (ValueError, TypeError) as exc:
        if max_attempts < 1 and isinstance(exc, ValueError):
            raise  # the check expects the learner's ValueError itself
        return {"error": type(exc).__name__, "message": str(exc), "calls": len(prompts),
                "prompts": prompts}
    return {"value": value, "calls": len(prompts), "prompts": prompts}


def run_retry(module: ModuleType, replies: list[str], max_attempts: int) -> dict[str, Any]:
    """Run the learner's ``json_with_retry`` on a fake model; report calls, prompts, result."""
    return _run(module, replies, max_attempts, _validate)


def run_retry_buggy_validator(module: ModuleType, replies: list[str],
                              max_attempts: int) -> dict[str, Any]:
    """The same, with a validator that has a bug (raises TypeError)."""
    return _run(module, replies, max_attempts, _buggy_validate)


def perplexity_of_logits(module: ModuleType, logprobs_name: str, perplexity_name: str,
                         logits: np.ndarray, targets: np.ndarray) -> float:
    """``perplexity(token_logprobs(logits, targets))`` with the learner's two functions."""
    logprobs = getattr(module, logprobs_name)(logits, targets)
    return float(getattr(module, perplexity_name)(logprobs))
