"""Where the project's data lives: requests_library/ and resources/ (both beside the package
in a checkout or an editable install)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]
LIBRARY_DIR = PROJECT_ROOT / "requests_library"
RESOURCES_DIR = PROJECT_ROOT / "resources"
REFERENCE_DIR = RESOURCES_DIR / "reference"


@lru_cache(maxsize=None)
def load_reference(name: str):
    """A JSON file of facts from the developer guide (resources/reference/NAME.json)."""
    with open(REFERENCE_DIR / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)
