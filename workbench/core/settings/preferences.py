"""The window's preferences as data: a versioned JSON file in the config dir, written
atomically. A damaged or unreadable file is reported (located) and the defaults are used:
the window still opens; the damaged file is kept aside, never silently overwritten."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Mapping

from workbench.core.common.errors import Problem

FILE_NAME = "preferences.json"
SCHEMA_VERSION = 1
LAYOUTS = ("below", "beside")  # the response under the request, or beside it
THEMES = ("system", "light", "dark")  # system: follow the desktop's light or dark scheme
# the window's language: "" follows the system (the locale), else one of core.common.i18n.LANGUAGES
WINDOW_LANGUAGES = ("", "en", "zh_CN", "ko_KR")


@dataclass(frozen=True)
class Preferences:
    font_size: int = 0  # points; 0 = the system's
    layout: str = "below"
    large_response_mb: float = 8.0  # above this, a response body is spooled to a file and shown in part
    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 60.0  # seconds
    max_decoded_mb: float = 64.0  # a gzip/deflate answer stops past this size decoded; 0 = no limit
    proxy: str = ""  # http://HOST:PORT for HTTPS_PROXY/HTTP_PROXY; "" = the process environment's
    ca_bundle: str = ""  # a PEM file of CAs to trust; "" = the environment's, else AWS_CA_BUNDLE, else certifi's
    collections_dir: str = ""  # "" = the config dir's collections/
    theme: str = "system"  # light, dark, or the desktop's (system)
    language: str = ""  # the window's language (applies at the next start); "" = the system's

    def problems(self) -> list[Problem]:
        found = []
        if not isinstance(self.font_size, int) or isinstance(self.font_size, bool) or not 0 <= self.font_size <= 48:
            found.append(Problem("font_size", f"a font size is 0 (the system's) to 48 points, found {self.font_size!r}"))
        if self.layout not in LAYOUTS:
            found.append(Problem("layout", f"layout is one of {', '.join(LAYOUTS)}, found {self.layout!r}"))
        for name in ("large_response_mb", "connect_timeout", "read_timeout"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 86400:
                found.append(Problem(name, f"a number above 0, found {value!r}"))
        if isinstance(self.max_decoded_mb, bool) or not isinstance(self.max_decoded_mb, (int, float)) \
                or not 0 <= self.max_decoded_mb <= 1048576:
            found.append(Problem("max_decoded_mb", f"0 (no limit) to 1048576 MiB, found {self.max_decoded_mb!r}"))
        if self.proxy and not (isinstance(self.proxy, str) and self.proxy.startswith(("http://", "https://"))):
            found.append(Problem("proxy", f"a proxy URL starts with http:// or https://, found {self.proxy!r}"))
        if self.theme not in THEMES:
            found.append(Problem("theme", f"theme is one of {', '.join(THEMES)}, found {self.theme!r}"))
        if self.language not in WINDOW_LANGUAGES:
            found.append(Problem("language", f"language is one of {', '.join(WINDOW_LANGUAGES[1:])} (or empty: the "
                                             f"system's), found {self.language!r}"))
        for name in ("ca_bundle", "collections_dir"):
            if not isinstance(getattr(self, name), str):
                found.append(Problem(name, "a path, as text"))
        return found

    def to_dict(self) -> dict:
        defaults = Preferences()
        data = {"schema_version": SCHEMA_VERSION}
        data.update({k: v for k, v in asdict(self).items() if v != getattr(defaults, k)})
        return data

    @classmethod
    def from_dict(cls, data) -> tuple["Preferences", list[Problem]]:
        """-> (preferences, problems); every bad value is named and replaced by its default."""
        if not isinstance(data, Mapping):
            return cls(), [Problem("$", "the preferences file holds a JSON object")]
        problems = []
        version = data.get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            problems.append(Problem("schema_version", f"written by a newer version ({version!r}); "
                                                      f"read as version {SCHEMA_VERSION}"))
        known = {f.name for f in fields(cls)}
        problems += [Problem(key, "unknown setting, ignored") for key in sorted(set(data) - known - {"schema_version"})]
        prefs = cls()
        for key in sorted(known & set(data)):
            candidate = replace(prefs, **{key: data[key]})
            bad = [p for p in candidate.problems() if p.path == key]
            if bad:
                problems += bad
            else:
                prefs = candidate
        return prefs, problems


@dataclass(frozen=True)
class LoadedPreferences:
    preferences: Preferences
    problems: tuple[str, ...]  # located messages, for the status line


def load_preferences(config_dir: Path) -> LoadedPreferences:
    from workbench.core.common.errors import WorkbenchError
    from workbench.core.common.storage import StorageError, read_text_limited

    path = Path(config_dir) / FILE_NAME
    try:
        text = read_text_limited(path, 1024 * 1024)  # a regular file of a few hundred bytes, not /dev/zero
    except FileNotFoundError:
        return LoadedPreferences(Preferences(), ())
    except StorageError as exc:
        return LoadedPreferences(Preferences(), (f"{path}: {exc.fields['detail']}; using the defaults",))
    except (OSError, WorkbenchError) as exc:  # not UTF-8 (located), or an error opening it
        return LoadedPreferences(Preferences(), (f"{path}: cannot be read ({exc}); using the defaults",))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return LoadedPreferences(Preferences(), (f"{path}: line {exc.lineno} column {exc.colno}: {exc.msg}; "
                                                 f"using the defaults (the file is left as it is)",))
    except (ValueError, RecursionError) as exc:
        return LoadedPreferences(Preferences(), (f"{path}: not JSON ({type(exc).__name__}); using the defaults",))
    prefs, problems = Preferences.from_dict(data)
    return LoadedPreferences(prefs, tuple(f"{path}: {p.path}: {p.message}" for p in problems))


def save_preferences(config_dir: Path, prefs: Preferences) -> Path:
    from workbench.core.common.errors import WorkbenchError
    from workbench.core.common.storage import atomic_write_text

    problems = prefs.problems()
    if problems:
        raise WorkbenchError("; ".join(f"{p.path}: {p.message}" for p in problems))
    path = Path(config_dir) / FILE_NAME
    atomic_write_text(path, json.dumps(prefs.to_dict(), indent=2, sort_keys=True) + "\n", private=True)
    return path


def send_options(prefs: Preferences, environ: Mapping[str, str]):
    """The transport options these preferences ask for (proxy and CA bundle through the
    environment the transport reads, so NO_PROXY and loopback still go direct)."""
    from workbench.core.send.transport import SendOptions

    environ = dict(environ)
    if prefs.proxy:
        environ["HTTPS_PROXY"] = environ["HTTP_PROXY"] = prefs.proxy
    if prefs.ca_bundle:
        environ["AWS_CA_BUNDLE"] = prefs.ca_bundle
    return SendOptions(connect_timeout=prefs.connect_timeout, read_timeout=prefs.read_timeout,
                       max_memory_body=int(prefs.large_response_mb * 1024 * 1024),
                       max_decoded_body=int(prefs.max_decoded_mb * 1024 * 1024) or None, environ=environ)
