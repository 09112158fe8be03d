"""Stable objectName + accessible name for every interactive widget."""


def named(widget, object_name: str, accessible: str, tooltip: str | None = None):
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    if tooltip:
        widget.setToolTip(tooltip)
    return widget
