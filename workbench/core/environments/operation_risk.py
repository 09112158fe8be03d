"""How risky an operation is, from its name: what a production environment asks about
before sending."""

from __future__ import annotations

_READ_PREFIXES = ("Get", "List", "Describe")
_SENDING_PREFIXES = ("Send", "PhoneNumberValidate", "CarrierLookup", "RequestPhoneNumber", "RequestSenderId", "PutEvents")
_DESTRUCTIVE_PREFIXES = ("Delete", "Remove", "Release", "Disassociate", "Untag", "Discard", "Put", "Update", "Set", "Submit")


def classify_operation(operation_name: str) -> str:
    """"read", "send" (reaches people or costs money), "destructive" (deletes or overwrites)
    or "write" (creates or adds: Create*, Tag*, Associate*, Verify*...)."""

    if operation_name.startswith(_SENDING_PREFIXES):
        return "send"
    if operation_name.startswith(_READ_PREFIXES):
        return "read"
    if operation_name.startswith(_DESTRUCTIVE_PREFIXES):
        return "destructive"
    return "write"


def is_destructive_or_sending(operation_name: str) -> bool:
    """True when a production environment should ask before sending this operation."""

    return classify_operation(operation_name) in ("send", "destructive")


def needs_confirmation(env, operation_name: str, *, method: str | None = None) -> bool:
    """True when `env` (an Environment) is production and the operation sends or destroys.
    A raw request (no operation: its `method` given instead) asks unless it only reads."""

    if not env.production:
        return False
    if method is not None:
        return method.upper() not in ("GET", "HEAD", "OPTIONS")
    return is_destructive_or_sending(operation_name)
