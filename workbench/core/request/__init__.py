"""A request before it is sent: drafts, rendering with variables, validation, the HTTP request record."""
