"""The window's settings: preferences and the kept session."""
