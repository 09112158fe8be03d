"""Small modal questions: a name to type, a yes/no confirmation. Plain QDialogs whose layout
does not constrain the window (sized once, before showing), so showing one never changes a
top-level window's size limits behind the platform's back."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLayout, QLineEdit, QVBoxLayout

from workbench.ui.accessible import named


def _tr(text: str) -> str:
    """A text marked elsewhere (QT_TRANSLATE_NOOP) in the "Dialogs" context, translated."""
    return QCoreApplication.translate("Dialogs", text)


def _dialog(parent, object_name: str, title: str, text: str):
    dialog = named(QDialog(parent), object_name, title)
    dialog.setWindowTitle(title)
    message = named(QLabel(text), f"{object_name}Text", QCoreApplication.translate("Dialogs", "Question"))
    message.setWordWrap(True)
    layout = QVBoxLayout(dialog)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(message)
    return dialog, layout


SCOPES = (("environment", QT_TRANSLATE_NOOP("Dialogs", "this environment ({env})")),
          ("global", QT_TRANSLATE_NOOP("Dialogs", "global (every environment)")),
          ("request", QT_TRANSLATE_NOOP("Dialogs", "this request only")))


def ask_variable(parent, value: str, name: str, env: str) -> tuple[str, str] | None:
    """-> (variable name, scope) to keep `value` under, or None when cancelled."""
    shown = value if len(value) <= 60 else value[:60] + "…"
    dialog, layout = _dialog(parent, "saveVariableDialog", QCoreApplication.translate("Dialogs", "Save as variable"),
                             QCoreApplication.translate("Dialogs", "Save {value} as the variable:").format(value=repr(shown)))
    edit = named(QLineEdit(name), "askTextEdit", QCoreApplication.translate("Dialogs", "Variable name"))
    scope = named(QComboBox(), "variableScope", QCoreApplication.translate("Dialogs", "Variable scope"))
    for code, label in SCOPES:
        scope.addItem(_tr(label).format(env=env), code)
    layout.addWidget(edit)
    layout.addWidget(scope)
    if not _ask(dialog, layout) or not edit.text().strip():
        return None
    return edit.text().strip(), scope.currentData()


def _ask(dialog, layout) -> bool:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(480, 170)
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm(parent, object_name: str, title: str, text: str, yes: str, no: str | None = None) -> bool:
    """Yes/No, No being the default (Enter does not confirm by accident)."""
    no = no if no is not None else QCoreApplication.translate("Dialogs", "Don't send")
    dialog, layout = _dialog(parent, object_name, title, text)
    buttons = QDialogButtonBox()
    yes_button = named(buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole), "confirmYes", yes)
    no_button = named(buttons.addButton(no, QDialogButtonBox.ButtonRole.RejectRole), "confirmNo", no)
    yes_button.setAutoDefault(False)
    no_button.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(520, 170)
    return dialog.exec() == QDialog.DialogCode.Accepted
