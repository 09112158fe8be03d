"""Which names say they hold a secret: one rule for every layer (a variable, a header, a
query parameter, a JSON field). `environments.secret_variables` decides where such values
live and how they are masked; `request.draft_secrets` keeps them out of saved drafts."""

from __future__ import annotations

import re

SECRET_NAME = re.compile(
    r"secret|passw(or)?d|passphrase|token|api[-_.]?key|credential|private[-_.]?key|authori[sz]ation|^auth$"
    r"|signature|session[-_.]?key|cookie",
    re.IGNORECASE,
)


def is_secret_name(name: str) -> bool:
    """True for names that say they hold a secret: apiSecret, password, x-api-key, token..."""

    return bool(SECRET_NAME.search(name))
