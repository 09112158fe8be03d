#!/usr/bin/env python3
"""Check the glossaries' quotes against the developer guide's editions they come from.

    tools/i18n_seed_quotes.py SEED_DIR

For every term of resources/i18n/glossary.LANG.json: its quote is on its line (or on the
lines `line`..`to_line`, joined as the seed wraps them) of SEED_DIR/<seed file>, once the
seed's Markdown links, bold marks and HTML tags are removed; and its `counts` are still the
occurrences in the whole seed. The seeds are not part of the repository, so the test suite
cannot run this; run it after editing a glossary. Exit 0 when everything holds, 1 otherwise.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GLOSSARIES = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def clean(line: str) -> str:
    line = re.sub(r"\]\([^)]*\)", "", line).replace("[", "")
    return re.sub(r"</?[a-z][^>]*>", "", line).replace("**", "")


def standalone_count(text: str, word: str, term: str) -> int:
    """Occurrences of `word`; a word inside the chosen term counts only where it stands alone."""
    count = text.count(word)
    return count - text.count(term) if word != term and word in term else count


def check(glossary: Path, seed_dir: Path) -> list[str]:
    data = json.loads(glossary.read_text(encoding="utf-8"))
    seed = seed_dir / data["seed"]["file"]
    raw = seed.read_text(encoding="utf-8")
    lines = raw.split("\n")
    problems = []
    for term in data["terms"]:
        where = f"{glossary.name}: {term['id']}"
        first, last = term["line"], term.get("to_line", term["line"])
        text = "".join(clean(line) for line in lines[first - 1:last])
        if term["quote"] not in text:
            problems.append(f"{where}: quote not on line {first}" + (f"-{last}" if last != first else ""))
        form = term.get("seed_form") or term["term"]
        if form not in term["quote"]:
            problems.append(f"{where}: quote lacks {form!r}")
        for word, count in term["counts"].items():
            found = standalone_count(raw, word, term["term"])
            if found != count:
                problems.append(f"{where}: {word!r} occurs {found} times, the glossary says {count}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems = []
    for glossary in sorted(GLOSSARIES.glob("glossary.*.json")):
        problems += check(glossary, Path(argv[0]))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "every quote is in its seed, every count holds")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
