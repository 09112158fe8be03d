"""The desktop window (PySide6). Thin: panes emit intents, the controller runs core in
workers and emits events; no AWS logic here."""
