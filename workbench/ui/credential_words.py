"""The words of the credential status line (the environment bar, top right), in the window's
language: one sentence per state, and for the long ones the few words shown when the whole
sentence does not fit (the whole sentence stays the tooltip). Where credentials come from,
said the same way here and in the environment manager."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CredentialStatus"

# state -> (the sentence, its short form or None); a sentence's {value} comes last
LINES = {
    "keyring_unavailable": (QT_TRANSLATE_NOOP("CredentialStatus", "keyring unavailable: {reason}"),
                            QT_TRANSLATE_NOOP("CredentialStatus", "keyring unavailable (hover for why)")),
    "missing": (QT_TRANSLATE_NOOP("CredentialStatus", "credentials missing: {reason}"),
                QT_TRANSLATE_NOOP("CredentialStatus", "credentials missing (hover for why)")),
    "not_usable": (QT_TRANSLATE_NOOP("CredentialStatus", "credentials not usable: {reason}"),
                   QT_TRANSLATE_NOOP("CredentialStatus", "credentials not usable (hover for why)")),
    "sandbox_not_running": (QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox not running: {reason}"),
                            QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox not running (hover for why)")),
    "session_only": (QT_TRANSLATE_NOOP("CredentialStatus", "credentials: kept for this session only, {key}"),
                     QT_TRANSLATE_NOOP("CredentialStatus", "session-only credentials")),
    "found": (QT_TRANSLATE_NOOP("CredentialStatus", "credentials: {source}, {key}"), None),
    "sandbox_identity": (QT_TRANSLATE_NOOP("CredentialStatus", "sandbox identity, {address}"), None),
    "sandbox_starting": (QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox: starting…"), None),
    "sandbox_stopping": (QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox: stopping…"), None),
    "sandbox_resetting": (QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox: resetting…"), None),
    "sandbox_restarting": (QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox: restarting…"), None),
    "sandbox_stopped": (QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox: stopped (a send starts it again)"), None),
    "sandbox_cancelled": (QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox: not started (cancelled)"), None),
}

SOURCES = {
    "keyring": QT_TRANSLATE_NOOP("CredentialStatus", "OS keyring"),
    "profile": QT_TRANSLATE_NOOP("CredentialStatus", "AWS profile"),
    "process": QT_TRANSLATE_NOOP("CredentialStatus", "process environment (AWS_ACCESS_KEY_ID…)"),
    "sandbox": QT_TRANSLATE_NOOP("CredentialStatus", "local sandbox identity"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def line(state: str, **values) -> str:
    """The status sentence for `state` (a key of LINES) with its values filled in."""
    return _tr(LINES[state][0]).format(**values)


def short_status(text: str) -> str:
    """The few words for a long status sentence (made by `line`), or the sentence itself."""
    for sentence, short in LINES.values():
        if short is not None and text.startswith(_tr(sentence).partition("{")[0]):
            return _tr(short)
    return text


def source_label(kind: str) -> str:
    """Where credentials of this kind come from, in words (the manager's choices)."""
    return _tr(SOURCES[kind])


def source_words(source) -> str:
    """A CredentialSource in words: 'AWS profile dev', 'OS keyring'..."""
    if source.kind == "profile" and source.profile:
        return QCoreApplication.translate("CredentialStatus", "AWS profile {name}").format(name=source.profile)
    return source_label(source.kind) if source.kind in SOURCES else source.describe()
