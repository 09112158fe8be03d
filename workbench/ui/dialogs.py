"""Small modal questions: a name to type, a yes/no confirmation. Plain QDialogs whose layout
does not constrain the window (sized once, before showing), so showing one never changes a
top-level window's size limits behind the platform's back."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QLineEdit, QVBoxLayout

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


def ask_text(parent, title: str, label: str, text: str = "") -> str | None:
    dialog, layout = _dialog(parent, "askTextDialog", title, label)
    edit = named(QLineEdit(text), "askTextEdit", label)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    dialog.resize(480, 150)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.text().strip() or None


def confirm(parent, object_name: str, title: str, text: str, yes: str) -> bool:
    """Yes/No, No being the default (Enter does not confirm by accident)."""
    dialog, layout = _dialog(parent, object_name, title, text)
    buttons = QDialogButtonBox()
    yes_button = named(buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole), "confirmYes", yes)
    no_button = named(buttons.addButton("Don't send", QDialogButtonBox.ButtonRole.RejectRole), "confirmNo", "Don't send")
    yes_button.setAutoDefault(False)
    no_button.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(520, 170)
    return dialog.exec() == QDialog.DialogCode.Accepted
