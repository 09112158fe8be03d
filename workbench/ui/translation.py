"""The window's language: Qt's translators for the window's own texts (resources/i18n/
workbench_LANG.ts, compiled to a .qm by Qt's lrelease) and for Qt's (qtbase: the standard
buttons and dialogs), and the QLocale numbers and dates are written in.

    choose(explicit, preference, environ) -> LanguageChoice   (core.common.i18n decides)
    install(app, choice, cache_dir) -> [problem]               translators + QLocale
    compiled(language, cache_dir) -> (.qm path | None, problem | None)
    python -m workbench.ui.translation                          build every .qm (tools/bootstrap)

A .qm is a build product (not in git): the install step builds it, and the window builds it
at start-up when it is missing or older than its .ts (beside the .ts, or in `cache_dir` when
the resources folder is read-only). Where no .qm can be had, the window says so and is English.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from workbench.core.common.resources import RESOURCES_DIR

I18N_DIR = RESOURCES_DIR / "i18n"
TRANSLATED = ("zh_CN", "ko_KR")  # the languages the window is translated into
# the .ts files: those languages', and English's plural forms ("%n match(es)" -> "1 match", "2 matches")
TS_LANGUAGES = ("en",) + TRANSLATED
_installed: list[QTranslator] = []  # kept alive while installed (Qt does not own them)
_language: list[str] = []  # the language installed last (install), if any


class Translatable:
    """`self.tr()` for a class that is not a QObject (wiring, helpers): its class name is the
    context, as lupdate reads it from the source."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        for cls in type(self).__mro__:
            translated = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if translated != text:
                return translated
        return QCoreApplication.translate(type(self).__name__, text, disambiguation, n)


def ts_path(language: str, directory: Path | None = None) -> Path:
    return Path(directory or I18N_DIR) / f"workbench_{language}.ts"


def qt_tool(name: str) -> Path:
    """Qt's lupdate / lrelease as the PySide6 wheel ships them."""
    import PySide6

    return Path(PySide6.__file__).resolve().parent / (f"{name}.exe" if sys.platform == "win32" else name)


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime


def compiled(language: str, cache_dir: Path | None = None, directory: Path | None = None) -> tuple[Path | None, str | None]:
    """(the .qm of `language`, None) built from its .ts when missing or older; (None, why) when
    there is no .ts or lrelease cannot build it. Beside the .ts first, else in `cache_dir`."""
    ts = ts_path(language, directory)
    if not ts.exists():
        return None, f"no translation of the window into {language} ({ts.name} is missing)"
    places = [ts.with_suffix(".qm")] + ([Path(cache_dir) / ts.with_suffix(".qm").name] if cache_dir else [])
    for qm in places:
        if _fresh(qm, ts):
            return qm, None
    problem = None
    for qm in places:
        problem = _release(ts, qm)
        if problem is None:
            return qm, None
    return None, problem


def _release(ts: Path, qm: Path) -> str | None:
    """Compile `ts` to `qm` with lrelease; None, or why not."""
    tool = qt_tool("lrelease")
    if not tool.exists():
        return f"Qt's lrelease is not installed ({tool}): the window is in English"
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(qm.parent, os.W_OK):
            return f"{qm.parent} is not writable"
        result = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True,
                                timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"lrelease could not run: {exc}"
    if result.returncode != 0 or not qm.exists():
        return f"lrelease could not compile {ts.name}: {(result.stderr or result.stdout).strip()[:300]}"
    return None


def choose(explicit: str | None, preference: str = "", environ=None):
    """The window's language: `explicit` (gui --language) or the preference (when set), else
    the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else the desktop's UI languages (Windows,
    macOS), else English. core.common.i18n.resolve_language decides; an unknown language is
    English with a note."""
    from workbench.core.common.i18n import resolve_language

    wanted = explicit if explicit is not None else (preference or None)
    return resolve_language(wanted, dict(os.environ if environ is None else environ),
                            system_languages=QLocale.system().uiLanguages())


def install(app, language: str, cache_dir: Path | None = None) -> list[str]:
    """Translate the window into `language` (one of core.common.i18n.LANGUAGES) from now on:
    the window's texts, Qt's standard buttons and dialogs, QLocale's numbers and dates. Call
    before the widgets are made. -> what could not be installed (English is shown for it)."""
    uninstall(app)
    _language.append(language)
    QLocale.setDefault(_locale(language))
    if language not in TS_LANGUAGES:
        return []
    problems = []
    qm, problem = compiled(language, cache_dir)
    own = QTranslator(app)
    if qm is None or not own.load(str(qm)):
        problems.append(problem or f"{qm} could not be loaded: the window is in English")
    else:
        _installed.append(own)
    if language in TRANSLATED:
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", folder):
            _installed.append(qt)
        else:
            problems.append(f"Qt's own translation (qtbase_{language}.qm) is not in {folder}: standard buttons stay "
                            f"English")
    for translator in _installed:
        app.installTranslator(translator)
    return problems


def uninstall(app) -> None:
    """Back to English (the translators installed by `install` removed)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    _language.clear()
    QLocale.setDefault(QLocale.system())


def installed_language() -> str | None:
    """The language `install` put in place last (None: none, the source texts)."""
    return _language[-1] if _language else None


def _locale(language: str) -> QLocale:
    """The system's locale when it is of the chosen language (its own date order, territory),
    else the language's own."""
    wanted = QLocale("en_US" if language == "en" else language)
    system = QLocale.system()
    if system.language() == wanted.language() and (language == "en" or system.script() == wanted.script()):
        return system
    return wanted


# ------------------------------------------------------------------ numbers and dates


def local_time(epoch: float) -> str:
    """A moment as the language writes a date, with the time to the second (history, recent work)."""
    moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    locale = QLocale()
    return f"{locale.toString(moment.date(), QLocale.FormatType.ShortFormat)} {moment.time().toString('HH:mm:ss')}"


def number(value: float, decimals: int = 0) -> str:
    """A number as the language writes it (groups of digits, decimal mark)."""
    locale = QLocale()
    return locale.toString(int(value)) if decimals == 0 else locale.toString(float(value), "f", decimals)


# ------------------------------------------------------------------ the install step


def build_all(cache_dir: Path | None = None) -> int:
    """Build every .qm that is missing or older than its .ts; one line per file built (stderr)."""
    status = 0
    for language in TS_LANGUAGES:
        ts = ts_path(language)
        qm = ts.with_suffix(".qm")
        if ts.exists() and _fresh(qm, ts):
            continue
        started = time.monotonic()
        path, problem = compiled(language, cache_dir)
        if path is None:
            print(f"translation {language}: {problem}", file=sys.stderr)
            status = 1
        else:
            print(f"translation {language}: {path.name} built ({time.monotonic() - started:.1f} s)", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(build_all())
