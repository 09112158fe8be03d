"""Which language to show data in (English, Simplified Chinese, Korean), and reading the
translations kept beside the English data, with English wherever a text is not translated.

    resolve_language(explicit, environ, system_languages=()) -> LanguageChoice
    load_overlay(name, language) -> Overlay     resources/i18n/NAME.LANG.json
    load_glossary(language) -> {term id: term}  resources/i18n/glossary.LANG.json

Every front end takes its language from `resolve_language`: the command line
(`--language`), the window's translator (its preference, `gui --language`, Qt's UI
languages as `system_languages`). An overlay holds each translated text beside the English
it was made from ({"en": ..., "zh_CN": ...}): when the English changes, the old translation
is no longer used (out of date) and the English shows until it is translated again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from workbench.core.common import safe_json
from workbench.core.common.errors import Problem, WorkbenchError
from workbench.core.common.resources import RESOURCES_DIR

ENGLISH = "en"
LANGUAGES = (ENGLISH, "zh_CN", "ko_KR")
LANGUAGE_NAMES = {ENGLISH: "English", "zh_CN": "简体中文", "ko_KR": "한국어"}
I18N_DIR = RESOURCES_DIR / "i18n"
# The locale variables in gettext's order: LANGUAGE is a list (zh_CN:en) and, as in
# gettext, is not used when the locale is explicitly C or POSIX.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_SIMPLIFIED_REGIONS = {"", "cn", "sg", "my"}


def normalise(tag: str | None) -> str | None:
    """One of LANGUAGES for a locale name or language tag, or None when there is no
    translation for it: 'zh_CN.UTF-8', 'zh-Hans', 'zh-Hans-CN', 'zh_SG', 'zh' -> 'zh_CN';
    'ko', 'ko_KR', 'ko-KR.eucKR' -> 'ko_KR'; 'en', 'en_GB.UTF-8', 'C', 'POSIX' -> 'en';
    traditional Chinese (zh_TW, zh_HK, zh-Hant) and other languages -> None."""
    if not tag or not isinstance(tag, str):
        return None
    base = re.split(r"[.@]", tag.strip(), maxsplit=1)[0]
    parts = [p.lower() for p in re.split(r"[-_]", base) if p]
    if not parts:
        return None
    language, rest = parts[0], parts[1:]
    if language in ("c", "posix", "en"):
        return ENGLISH
    if language == "ko":
        return "ko_KR"
    if language == "zh":
        if "hant" in rest:
            return None
        region = next((p for p in rest if p != "hans"), "")
        return "zh_CN" if "hans" in rest or region in _SIMPLIFIED_REGIONS else None
    return None


def _is_c_locale(value: str) -> bool:
    return re.split(r"[.@]", value.strip(), maxsplit=1)[0].upper() in ("C", "POSIX")


@dataclass(frozen=True)
class LanguageChoice:
    """The language to use (`code`, one of LANGUAGES), where the choice came from (`source`:
    explicit, LANGUAGE, LC_ALL, LC_MESSAGES, LANG, system or default), and a `note` when what
    was asked for has no translation and English is used instead."""

    code: str
    source: str
    note: str | None = None

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES[self.code]

    def __str__(self) -> str:
        return self.code


def _unsupported(value: str, where: str) -> str:
    return (f"no translation for {value!r} ({where}): English is used; "
            f"languages: {', '.join(LANGUAGES)}")


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None,
                     system_languages: Iterable[str] = ()) -> LanguageChoice:
    """The language for texts: `explicit` (a --language value or the window's preference) when
    given; else the locale from the environment (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG);
    else the desktop's UI languages (`system_languages`, e.g. QLocale.uiLanguages() on Windows
    and macOS, best first); else English. A choice with no translation falls back to English
    with a note saying so."""
    if explicit is not None:
        code = normalise(explicit)
        if code is not None:
            return LanguageChoice(code, "explicit")
        return LanguageChoice(ENGLISH, "explicit", _unsupported(explicit, "--language"))
    environ = {} if environ is None else environ
    locale_name, locale_source = next(((environ[name], name) for name in LOCALE_VARIABLES if environ.get(name)),
                                      (None, None))
    wanted = [w for w in environ.get("LANGUAGE", "").split(":") if w]
    if wanted and not (locale_name and _is_c_locale(locale_name)):
        for item in wanted:
            code = normalise(item)
            if code is not None:
                return LanguageChoice(code, "LANGUAGE")
        return LanguageChoice(ENGLISH, "LANGUAGE", _unsupported(environ["LANGUAGE"], "LANGUAGE"))
    if locale_name:
        code = normalise(locale_name)
        if code is not None:
            return LanguageChoice(code, locale_source)
        return LanguageChoice(ENGLISH, locale_source, _unsupported(locale_name, locale_source))
    for item in system_languages:
        code = normalise(item)
        if code is not None:
            return LanguageChoice(code, "system")
    return LanguageChoice(ENGLISH, "default")


# --------------------------------------------------------------------------- translations


@dataclass(frozen=True)
class Overlay:
    """The translations of one data file into one language (resources/i18n/NAME.LANG.json),
    read as plain data; `problems` says what could not be read (the data then stays English)."""

    name: str
    language: str
    data: dict
    problems: tuple[Problem, ...] = ()

    def text(self, pair, english: str) -> str:
        """The translation `pair` ({"en": english, LANG: text}) gives for `english`, or
        `english` itself when there is none or it was made from another English text."""
        translated = translation(pair, english, self.language)
        return english if translated is None else translated


def translation(pair, english: str, language: str) -> str | None:
    """The translation of `english` in `pair`, or None: missing, empty, or translated from
    an English text other than `english` (out of date)."""
    if not isinstance(pair, dict) or pair.get("en") != english:
        return None
    text = pair.get(language)
    return text if isinstance(text, str) and text.strip() else None


def overlay_path(name: str, language: str, directory: Path | None = None) -> Path:
    return Path(directory or I18N_DIR) / f"{name}.{language}.json"


def load_overlay(name: str, language: str, directory: Path | None = None) -> Overlay:
    """The overlay NAME.LANG.json (an empty one for English or when there is no file). A
    damaged file is a problem, located, and the data stays English."""
    if language == ENGLISH:
        return Overlay(name, language, {})
    path = overlay_path(name, language, directory)
    if not path.exists():
        return Overlay(name, language, {})
    data, problem = _read(path)
    if problem is None and data.get("language") != language:
        problem = Problem(path.name, f"says it is in {data.get('language')!r}, not {language!r}")
    if problem is not None:
        return Overlay(name, language, {}, (problem,))
    return Overlay(name, language, data)


def _read(path: Path) -> tuple[dict, Problem | None]:
    try:
        data = safe_json.loads(path.read_bytes(), path.name)
    except safe_json.JsonInputError as exc:
        return {}, Problem(path.name, safe_json.describe(exc))
    except OSError as exc:
        return {}, Problem(path.name, f"cannot read: {exc.strerror or exc}")
    if not isinstance(data, dict):
        return {}, Problem(path.name, "expected a JSON object")
    return data, None


@lru_cache(maxsize=None)
def load_glossary(language: str) -> dict[str, dict]:
    """The glossary's terms by id ({"en", "term", "match", "quote", "line"...}) for a language
    with a glossary; {} for English."""
    if language == ENGLISH:
        return {}
    data, problem = _read(I18N_DIR / f"glossary.{language}.json")
    if problem is not None:
        raise WorkbenchError(f"glossary: {problem}")
    return {term["id"]: term for term in data.get("terms", ())}
