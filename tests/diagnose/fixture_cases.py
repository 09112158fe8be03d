"""Recorded responses under fixtures/: each file holds the saved exchange (as `send --json`
writes it), what was meant (operation, body) and the catalogue entries it must produce."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from workbench.core.diagnose import DiagnosisContext
from workbench.core.environments.model import Environment

FIXTURES = Path(__file__).parent / "fixtures"
DEV = Environment(name="dev", region="us-east-1", account_id="123456789012")
PROD_EU = Environment(name="prod-eu", region="eu-west-1", account_id="123456789012")
RECORDED_AT = datetime(2026, 11, 25, 16, 0, 30, tzinfo=timezone.utc)  # the fixtures' Date header, plus 30 s


def load(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def context(case: dict) -> DiagnosisContext:
    api, _, operation = (case["context"].get("operation") or "").partition(":")
    return DiagnosisContext(api=api or None, operation=operation or None, body=case["context"].get("body"),
                            environment=DEV)
