"""Text editors: the one-line URL edit and the JSON body editor, both highlighting
`{{variables}}` (resolved vs unresolved; hover shows the value and its scope), and the
JSON highlighter shared with the response's text view."""

from __future__ import annotations

import json
import re
from typing import Callable

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

_JSON_RULES = (
    (r'"(?:[^"\\]|\\.)*"(?=\s*:)', "key"),
    (r'"(?:[^"\\]|\\.)*"', "string"),
    (r"-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b", "number"),
    (r"\b(?:true|false|null)\b", "keyword"),
)


def monospace() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class TemplateHighlighter(QSyntaxHighlighter):
    """JSON colours (optional) plus {{variables}}: resolved bold in green, unresolved in red
    with a wavy underline. `lookup(text)` returns core VariableUse records for a line."""

    def __init__(self, document, json_syntax: bool, lookup: Callable | None = None):
        super().__init__(document)
        self.lookup = lookup
        self.rules = [(QRegularExpression(p), n) for p, n in _JSON_RULES] if json_syntax else []
        self.theme = None
        self.formats: dict[str, QTextCharFormat] = {}
        self._formats()

    def _formats(self) -> None:
        """The formats of the theme in force (theme.colours()); rebuilt when it changes."""
        from workbench.ui import theme

        self.theme = theme.current()
        colours = theme.colours()
        self.formats = {}
        for name, colour in colours.items():
            fmt = QTextCharFormat()
            fmt.setForeground(colour)
            self.formats[name] = fmt
        self.formats["resolved"].setFontWeight(QFont.Weight.Bold)
        unresolved = self.formats["unresolved"]
        unresolved.setFontWeight(QFont.Weight.Bold)
        unresolved.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        unresolved.setUnderlineColor(colours["unresolved"])

    def follow_theme(self) -> None:
        from workbench.ui import theme

        if self.theme != theme.current():
            self._formats()
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if len(text) > 20000:  # a minified megabyte on one line: leave it plain
            return
        for regex, name in self.rules:
            matches = regex.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), self.formats[name])
        if self.lookup is not None:
            for use in self.lookup(text):
                self.setFormat(use.start, use.end - use.start, self.formats["resolved" if use.resolved else "unresolved"])


class TemplateEdit(QPlainTextEdit):
    """A plain text editor with variable highlighting and hover explanations."""

    send_shortcut = Signal()

    def __init__(self, json_syntax: bool, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.uses_for: Callable[[str], list] = lambda text: []
        self.highlighter = TemplateHighlighter(self.document(), json_syntax, self._lookup)

    def _lookup(self, text: str):
        return self.uses_for(text)

    def refresh(self) -> None:
        self.highlighter.rehighlight()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.PaletteChange:  # light <-> dark: the syntax colours follow
            self.highlighter.follow_theme()
        super().changeEvent(event)

    def use_at(self, position) -> object | None:
        cursor = self.cursorForPosition(position)
        block, column = cursor.block().text(), cursor.positionInBlock()
        return next((u for u in self.uses_for(block) if u.start <= column <= u.end), None)

    def mouseMoveEvent(self, event):
        use = self.use_at(event.position().toPoint())
        if use is not None:
            QToolTip.showText(event.globalPosition().toPoint(), use.describe(), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.send_shortcut.emit()
            return
        super().keyPressEvent(event)


class UrlEdit(TemplateEdit):
    """One line, Enter sends."""

    def __init__(self, parent=None):
        super().__init__(json_syntax=False, parent=parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().height() + 2 * int(self.document().documentMargin()) + 6
        self.setFixedHeight(height)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.send_shortcut.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source):
        self.insertPlainText(source.text().replace("\r", "").replace("\n", ""))


class JsonEditor(TemplateEdit):
    """The body editor: JSON colours, bracket matching, format, go to line."""

    def __init__(self, parent=None):
        super().__init__(json_syntax=True, parent=parent)
        self.setFont(monospace())
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self.cursorPositionChanged.connect(self._match_brackets)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._match_brackets()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.setExtraSelections([])  # a match shown without a cursor reads as a stray selection

    def format_json(self) -> bool:
        """Re-indent the body; False (and nothing changed) when it is not JSON. Templates
        such as {{ count }} in value position are kept."""
        text = self.toPlainText()
        placeholders = {}

        def hide(match):
            key = f"__wb_var_{len(placeholders)}__"
            placeholders[key] = match.group(0)
            return f'"{key}"'

        try:
            value = json.loads(re.sub(r"(?<![\"\w])\{\{.*?\}\}(?![\"\w])", hide, text))
        except ValueError:
            return False
        pretty = json.dumps(value, indent=2, ensure_ascii=False)
        for key, original in placeholders.items():
            pretty = pretty.replace(f'"{key}"', original)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(pretty)  # one undo step
        return True

    def go_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _match_brackets(self) -> None:
        """The bracket at the cursor and its partner: a tint unlike the selection's, in bold,
        only while the editor has the cursor (not on the outer braces of a body just loaded)."""
        from workbench.ui import theme

        selections = []
        text = self.toPlainText()
        position = self.textCursor().position()
        if len(text) < 500_000 and self.hasFocus() and not self.textCursor().hasSelection():
            for at in (position, position - 1):
                if 0 <= at < len(text) and text[at] in "{}[]":
                    other = _matching_bracket(text, at)
                    if other is not None:
                        for spot in (at, other):
                            selection = QTextEdit.ExtraSelection()
                            selection.format.setBackground(theme.colours()["bracket"])
                            selection.format.setFontWeight(QFont.Weight.Bold)
                            cursor = self.textCursor()
                            cursor.setPosition(spot)
                            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
                            selection.cursor = cursor
                            selections.append(selection)
                    break
        self.setExtraSelections(selections)


def _matching_bracket(text: str, at: int) -> int | None:
    pairs = {"{": "}", "[": "]", "}": "{", "]": "["}
    opening = text[at] in "{["
    step, depth, in_string = (1 if opening else -1), 0, False
    i = at
    while 0 <= i < len(text):
        char = text[i]
        if char == '"' and (i == 0 or text[i - 1] != "\\"):
            in_string = not in_string
        elif not in_string:
            if char == text[at]:
                depth += 1
            elif char == pairs[text[at]]:
                depth -= 1
                if depth == 0:
                    return i
        i += step
    return None


class JsonView(QPlainTextEdit):
    """Read-only text with JSON colours (the response's small-body view and raw view)."""

    def __init__(self, json_syntax: bool = True, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(monospace())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = TemplateHighlighter(self.document(), json_syntax) if json_syntax else None

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.PaletteChange and self.highlighter is not None:
            self.highlighter.follow_theme()
        super().changeEvent(event)
