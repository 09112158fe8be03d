"""Every tutorial in `resources/tutorials/` (one `NAME.json` each), checked against what it
refers to: library operations and their variants, troubleshooting entries, saved drafts. A
damaged file is reported with located problems (`otp.json: steps[3].checks[0].path: ...`)
and left out; the others still load.

Translations are overlays, one file per tutorial and language, in
`resources/tutorials/translations/LANG/NAME.json` (LANG as zh_CN, ko_KR):

    {"schema_version": 1, "tutorial": "otp", "revision": 1, "language": "zh_CN",
     "title": "...", "summary": "...", "audience": "...", "prerequisites": ["..."], "guide_title": "...",
     "steps": {"send-otp": {"title": "...", "text": ["..."], "hints": {"0": "..."}, "link_titles": {"2": "..."}}}}

Whatever an overlay leaves out stays English. An overlay written for an older revision still
applies, with a warning that it may be out of date; one naming a step that does not exist is
a problem for that field only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.common import safe_json
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common.resources import RESOURCES_DIR
from workbench.core.tutorials.model import Tutorial
from workbench.core.tutorials.schema import parse

TUTORIALS_DIR = RESOURCES_DIR / "tutorials"
TRANSLATIONS = "translations"


class UnknownTutorial(WorkbenchError):
    fmt = "no tutorial {name!r}.{suggestion} `tutorial list` shows them all."


@dataclass(frozen=True)
class LoadedTutorials:
    tutorials: tuple[Tutorial, ...]
    problems: tuple[Problem, ...] = ()  # paths start with the file's name

    def get(self, name: str) -> Tutorial:
        for tutorial in self.tutorials:
            if tutorial.id == name:
                return tutorial
        from workbench.core.common.suggest import did_you_mean

        broken = [p for p in self.problems if p.path.startswith(f"{name}.json")]
        suggestion = did_you_mean(name, [t.id for t in self.tutorials])
        if broken:
            suggestion = f" {name}.json could not be read ({broken[0]})."
        raise UnknownTutorial(name=name, suggestion=suggestion)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def load_tutorials(directory: Path | None = None, *, language: str = "en", library=None,
                   guide_ids=None) -> LoadedTutorials:
    """The tutorials of `directory` (default: the project's), in their `order`, with the
    texts of `language` where a translation has them. `library` and `guide_ids` (troubleshooting
    entry ids) default to the project's."""
    directory = Path(directory or TUTORIALS_DIR)
    if library is None:
        from workbench.core.library.templates import default_library

        library = default_library()
    if guide_ids is None:
        from workbench.core.diagnose.catalogue import entries

        guide_ids = {entry.id for entry in entries()}
    tutorials, problems = [], []
    for path in sorted(directory.glob("*.json")):
        tutorial, found = load_file(path, library, guide_ids, directory)
        problems += found
        if tutorial is not None:
            if language not in ("", "en"):
                tutorial, notes = apply_overlay(tutorial, directory / TRANSLATIONS / language / path.name, language)
                problems += notes
            tutorials.append(tutorial)
    return LoadedTutorials(tuple(sorted(tutorials, key=lambda t: (t.order, t.id))), tuple(problems))


def _read_json(path: Path, name: str):
    try:
        return safe_json.loads(path.read_bytes(), name), None
    except safe_json.JsonInputError as exc:
        return None, Problem(name, safe_json.describe(exc))
    except OSError as exc:
        return None, Problem(name, f"cannot read: {exc.strerror or exc}")


def load_file(path: Path, library, guide_ids, directory: Path) -> tuple[Tutorial | None, list[Problem]]:
    name = path.name
    data, problem = _read_json(path, name)
    if problem is not None:
        return None, [problem]
    tutorial, problems = parse(data, str(path))
    located = [replace(p, path=f"{name}: {p.path}") for p in problems]
    if tutorial is None:
        return None, located
    if tutorial.id != path.stem:
        located.append(Problem(f"{name}: id", f"{tutorial.id!r} differs from the file's name ({path.stem})"))
    tutorial, found = _resolve(tutorial, library, guide_ids, directory)
    located += [replace(p, path=f"{name}: {p.path}") for p in found]
    return (None, located) if located else (tutorial, [])


def _resolve(tutorial: Tutorial, library, guide_ids, directory: Path) -> tuple[Tutorial, list[Problem]]:
    """Saved drafts read in; operations, variants and guide entries checked."""
    from workbench.core.request.drafts import DraftInvalid, load_draft

    problems: list[Problem] = []
    steps = []
    for index, step in enumerate(tutorial.steps):
        where = f"steps[{index}]."
        request = step.request
        if request is not None and request.draft_file:
            try:
                saved = load_draft(directory / request.draft_file)
                request = replace(request, draft=replace(saved, variables=tuple(
                    {**saved.variables_dict(), **request.draft.variables_dict()}.items())))
                step = replace(step, request=request)
            except DraftInvalid as exc:
                problems.append(Problem(f"{where}request.draft", str(exc)))
        if request is not None and request.operation:
            problems += _operation_problems(library, request.draft.operation, request.draft.variant, f"{where}request.")
        for i, link in enumerate(step.links):
            if link.kind == "operation":
                problems += _operation_problems(library, link.target, None, f"{where}links[{i}].")
            elif link.kind == "guide" and link.target not in guide_ids:
                problems.append(Problem(f"{where}links[{i}].guide", f"no troubleshooting entry {link.target!r}"))
        for i, check in enumerate(step.checks):
            if check.guide and check.guide not in guide_ids:
                problems.append(Problem(f"{where}checks[{i}].guide", f"no troubleshooting entry {check.guide!r}"))
            if check.assertion.kind == "diagnosis" and check.assertion.expected not in guide_ids:
                problems.append(Problem(f"{where}checks[{i}].expected",
                                        f"no troubleshooting entry {check.assertion.expected!r}"))
        steps.append(step)
    return replace(tutorial, steps=tuple(steps)), problems


def _operation_problems(library, key: str, variant: str | None, where: str) -> list[Problem]:
    api, _, name = key.partition(":")
    try:
        template = library.get(api, name)
    except KeyError:
        from workbench.core.common.suggest import did_you_mean

        hint = did_you_mean(key, [t.key for t in library.templates])
        return [Problem(f"{where}operation", f"no operation {key!r} in the library.{hint}")]
    if variant not in (None, "minimal", "full") and variant not in {v.name for v in template.variants}:
        names = ", ".join(v.name for v in template.variants) or "none"
        return [Problem(f"{where}variant", f"{key} has no variant {variant!r} (variants: {names})")]
    return []


def apply_overlay(tutorial: Tutorial, path: Path, language: str) -> tuple[Tutorial, list[Problem]]:
    """`tutorial` with the texts a translation overlay gives; what it lacks stays English."""
    if not path.exists():
        return tutorial, []
    name = f"{TRANSLATIONS}/{language}/{path.name}"
    data, problem = _read_json(path, name)
    if problem is not None:
        return tutorial, [replace(problem, severity="warning")]
    if not isinstance(data, dict) or data.get("tutorial") != tutorial.id:
        return tutorial, [Problem(name, f"not a translation of {tutorial.id!r}", "warning")]
    notes = []
    if data.get("revision") != tutorial.revision:
        notes.append(Problem(f"{name}: revision", f"translated from revision {data.get('revision')}; the English "
                                                  f"is at revision {tutorial.revision}: it may be out of date", "warning"))
    texts = {key: data[key] for key in ("title", "summary", "audience") if _sentence(data.get(key))}
    if isinstance(data.get("prerequisites"), list) and all(_sentence(p) for p in data["prerequisites"]):
        texts["prerequisites"] = tuple(data["prerequisites"])
    if tutorial.guide is not None and _sentence(data.get("guide_title")):
        texts["guide"] = replace(tutorial.guide, title=data["guide_title"])
    steps = {step.id: step for step in tutorial.steps}
    overlay_steps = data.get("steps") if isinstance(data.get("steps"), dict) else {}
    for step_id, raw in overlay_steps.items():
        if step_id not in steps or not isinstance(raw, dict):
            notes.append(Problem(f"{name}: steps.{step_id}", f"{tutorial.id} has no step {step_id!r}", "warning"))
            continue
        steps[step_id] = _translated_step(steps[step_id], raw)
    translated = replace(tutorial, steps=tuple(steps[s.id] for s in tutorial.steps), language=language, **texts)
    return translated, notes


def _sentence(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _translated_step(step, raw: dict):
    changes = {}
    if _sentence(raw.get("title")):
        changes["title"] = raw["title"]
    if isinstance(raw.get("text"), list) and raw["text"] and all(_sentence(p) for p in raw["text"]):
        changes["text"] = tuple(raw["text"])
    hints = raw.get("hints") if isinstance(raw.get("hints"), dict) else {}
    checks = list(step.checks)
    for key, hint in hints.items():
        if str(key).isdigit() and int(key) < len(checks) and _sentence(hint):
            checks[int(key)] = replace(checks[int(key)], hint=hint)
    titles = raw.get("link_titles") if isinstance(raw.get("link_titles"), dict) else {}
    links = list(step.links)
    for key, title in titles.items():
        if str(key).isdigit() and int(key) < len(links) and links[int(key)].kind == "url" and _sentence(title):
            links[int(key)] = replace(links[int(key)], title=title)
    return replace(step, checks=tuple(checks), links=tuple(links), **changes)


def texts(tutorial: Tutorial) -> dict[str, str]:
    """Every text a learner reads, by where it is ("title", "steps.send-otp.text[1]",
    "steps.validate.hints.1", "steps.validate.link_titles.2"): what a translation covers."""
    found = {name: getattr(tutorial, name) for name in ("title", "summary", "audience")}
    found.update({f"prerequisites[{n}]": text for n, text in enumerate(tutorial.prerequisites)})
    if tutorial.guide is not None:
        found["guide_title"] = tutorial.guide.title
    for step in tutorial.steps:
        where = f"steps.{step.id}."
        found[where + "title"] = step.title
        found.update({f"{where}text[{n}]": text for n, text in enumerate(step.text)})
        found.update({f"{where}hints.{n}": check.hint for n, check in enumerate(step.checks) if check.hint})
        found.update({f"{where}link_titles.{n}": link.title for n, link in enumerate(step.links)
                      if link.kind == "url" and link.title})
    return {where: text for where, text in found.items() if text}


def untranslated(english: Tutorial, translated: Tutorial) -> list[str]:
    """Where `translated` still shows the English of `english` (the same tutorial without an
    overlay): the texts its translation lacks."""
    shown = texts(translated)
    return [where for where, text in texts(english).items() if shown.get(where) == text]
