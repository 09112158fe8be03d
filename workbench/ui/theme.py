"""Light and dark: the window's palette and every colour it draws text with, per theme.

`apply(app, choice)` sets the palette for "light", "dark" or "system" (Qt 6's
`QStyleHints.colorScheme`, followed when it changes). The colours that carry meaning
(syntax, status, variables, differences) come from `colours()`, which always answers for
the theme in force; each text colour is chosen to keep a contrast of at least 4.5:1 (WCAG
AA) against the background it is drawn on (a test checks every pair of both themes)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")

# text colours: drawn on the palette's Base (editors, trees) or Window (labels) colour
_TEXT = {
    "light": {"key": "#0451a5", "string": "#a31515", "number": "#0b6b47", "keyword": "#0000cc",
              "resolved": "#1b6e33", "unresolved": "#b71c1c",
              "status2": "#1b6e33", "status3": "#0d47a1", "status4": "#b34700", "status5": "#b71c1c",
              "inherited": "#5f6368"},
    "dark": {"key": "#9cdcfe", "string": "#e0a080", "number": "#b5cea8", "keyword": "#7fb8f0",
             "resolved": "#6fd5b8", "unresolved": "#ff9c8a",
             "status2": "#7bd88f", "status3": "#82b1ff", "status4": "#ffb74d", "status5": "#ff8a80",
             "inherited": "#a9adb4"},
}
# backgrounds that mark something (text on them keeps the palette's Text colour)
_MARKS = {
    "light": {"bracket": "#fff2a8", "different": "#ffe0b2", "missing": "#ffcdd2", "flagged": "#ffcdd2"},
    "dark": {"bracket": "#5c5326", "different": "#5d4018", "missing": "#5e2a2a", "flagged": "#5e2a2a"},
}
# the production mark: white on red in both themes (5.6:1)
PRODUCTION = {"background": "#c62828", "text": "#ffffff"}

_DARK_PALETTE = {
    QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.ToolTipBase: "#3c3f41", QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#9a9da3", QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#35373b", QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ffffff", QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#3e4145", QPalette.ColorRole.Mid: "#2f3134", QPalette.ColorRole.Dark: "#1a1b1d",
    QPalette.ColorRole.Shadow: "#000000", QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DARK_DISABLED = {QPalette.ColorRole.WindowText: "#7f8287", QPalette.ColorRole.Text: "#7f8287",
                  QPalette.ColorRole.ButtonText: "#7f8287", QPalette.ColorRole.Base: "#26282b"}


class _State:
    choice = "system"
    name = "light"  # the theme in force
    follower: QObject | None = None
    font_size: int | None = None  # points, from Preferences; None: the system's
    tab_bars: dict = {}  # id -> a tab bar whose close buttons follow the theme (until it is destroyed)


def current() -> str:
    """'light' or 'dark': the theme in force."""
    return _State.name


def colours(name: str | None = None) -> dict[str, QColor]:
    name = name or _State.name
    return {key: QColor(value) for key, value in {**_TEXT[name], **_MARKS[name]}.items()}


def status_colour(status: int | None) -> str:
    """The colour of a status line: 2xx green, 3xx blue, 4xx orange, 5xx or none red."""
    digit = str(status)[0] if status else "5"
    return _TEXT[_State.name].get(f"status{digit}", _TEXT[_State.name]["status5"])


def system_scheme() -> str:
    hints = QGuiApplication.styleHints()
    return "dark" if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def palette(name: str) -> QPalette:
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    light = style.standardPalette()
    # Fusion's selection blue (#308cc6) gives white text 3.7:1: a deeper blue reaches 5.6:1
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        light.setColor(group, QPalette.ColorRole.Highlight, QColor("#1f66b0"))
    if name == "light":
        return light
    dark = QPalette(light)
    for role, value in _DARK_PALETTE.items():
        dark.setColor(role, QColor(value))
    for role, value in _DARK_DISABLED.items():
        dark.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
    return dark


def apply(app, choice: str = "system") -> str:
    """Set the palette for `choice` (system, light, dark); with "system", follow the
    desktop's colour scheme as it changes. Returns the theme now in force."""
    _State.choice = choice if choice in THEMES else "system"
    name = system_scheme() if _State.choice == "system" else _State.choice
    _State.name = name
    app.setPalette(palette(name))
    app.setStyleSheet(_font_sheet(_State.font_size))
    for tab_bar in list(_State.tab_bars.values()):
        tab_bar.setStyleSheet(_close_button_sheet(name))
    hints = QGuiApplication.styleHints()
    if hints is not None and _State.follower is None:
        _State.follower = QObject(app)
        hints.colorSchemeChanged.connect(lambda _scheme: apply(app, _State.choice) if _State.choice == "system"
                                         else None)
    return name


def style_close_buttons(tab_bar) -> None:
    """Draw `tab_bar`'s close buttons as a plain cross (not Fusion's red box), in the theme
    in force and in the ones to come. A style sheet on that tab bar only: one on the whole
    application makes Qt paint every widget through its style-sheet style (a library
    keystroke 0.4 ms dearer)."""
    key = id(tab_bar)
    _State.tab_bars[key] = tab_bar
    tab_bar.destroyed.connect(lambda *_: _State.tab_bars.pop(key, None))
    tab_bar.setStyleSheet(_close_button_sheet(_State.name))


def set_font_size(app, points: int | None) -> None:
    """The text size chosen in Preferences, for every widget. Said in the style sheet: under an
    application style sheet Qt no longer hands a window's `setFont` down to its widgets."""
    points = points or None
    if points == _State.font_size:
        return
    _State.font_size = points
    app.setStyleSheet(_font_sheet(points))


def icon_path(name: str) -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parents[2] / "resources" / "icons" / name)


def _close_button_sheet(name: str) -> str:
    cross = icon_path("close-dark.svg" if name == "dark" else "close-light.svg").replace("\\", "/")
    hover = "#4a4d52" if name == "dark" else "#d9d9d9"
    return (f"QTabBar::close-button {{ image: url({cross}); subcontrol-position: right; margin: 2px; "
            f"border-radius: 3px; }}"
            f"QTabBar::close-button:hover {{ background: {hover}; }}")


def _font_sheet(font_size: int | None) -> str:
    """The application's style sheet: only the text size when Preferences chose one (the
    family stays each widget's own: editors keep their monospace); else none at all."""
    return f"QWidget {{ font-size: {font_size}pt; }}" if font_size else ""


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
