"""Small modal questions: a name to type, a yes/no confirmation. Plain QDialogs whose layout
does not constrain the window (sized once, before showing), so showing one never changes a
top-level window's size limits behind the platform's back."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLayout, QLineEdit, QVBoxLayout

from workbench.ui.accessible import named


def _dialog(parent, object_name: str, title: str, text: str):
    dialog = named(QDialog(parent), object_name, title)
    dialog.setWindowTitle(title)
    message = named(QLabel(text), f"{object_name}Text", "Question")
    message.setWordWrap(True)
    layout = QVBoxLayout(dialog)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(message)
    return dialog, layout


SCOPES = (("environment", "this environment ({env})"), ("global", "global (every environment)"),
          ("request", "this request only"))


def ask_variable(parent, value: str, name: str, env: str) -> tuple[str, str] | None:
    """-> (variable name, scope) to keep `value` under, or None when cancelled."""
    shown = value if len(value) <= 60 else value[:60] + "…"
    dialog, layout = _dialog(parent, "saveVariableDialog", "Save as variable", f"Save {shown!r} as the variable:")
    edit = named(QLineEdit(name), "askTextEdit", "Variable name")
    scope = named(QComboBox(), "variableScope", "Variable scope")
    for code, label in SCOPES:
        scope.addItem(label.format(env=env), code)
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


def confirm(parent, object_name: str, title: str, text: str, yes: str, no: str = "Don't send") -> bool:
    """Yes/No, No being the default (Enter does not confirm by accident)."""
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
