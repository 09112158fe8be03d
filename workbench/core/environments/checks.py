"""The checks every change of an environment passes, whoever asks (the environment service
calls `checked_environment` for an add, an edit, a duplicate, an import): the rules of
rules.py, all problems at once, plus the ones that look outside when a value is entered or
changed: the CA bundle file, the region botocore knows, the AWS profile configured. A
bundle deleted later does not make a saved environment unreadable; the send names it."""

from __future__ import annotations

import os
import ssl
import stat
from typing import Any, Mapping

from workbench.core.common.errors import Problem
from workbench.core.environments.environment import Environment, EnvironmentInvalid
from workbench.core.library import regions

CA_BUNDLE_MAX_BYTES = 16 * 2**20  # a CA bundle is a few hundred KB; more is not one


def checked_environment(previous, values: Mapping[str, Any], environ: Mapping[str, str], force: bool = False):
    """An Environment from `values` (its field names), checked as a change from `previous`
    (None for a new one): first the region botocore knows (UnknownRegionName, with a
    did-you-mean) and the AWS profile configured (ProfileError) when new or changed, then
    every rule at once (EnvironmentInvalid), the CA bundle made absolute and its file
    checked when new or changed. `force` keeps a region botocore does not know yet (if it
    fits a partition's naming) or a profile not configured yet."""
    values = dict(values)
    region, source = values.get("region"), values.get("credential_source")
    if isinstance(region, str) and (previous is None or region != previous.region):
        regions.check_region(region, allow_unknown=force)
    if (getattr(source, "kind", None) == "profile" and not force
            and (previous is None or source != previous.credential_source)):
        from workbench.core.environments.aws_profiles import check_profile

        check_profile(source.profile, environ)
    bundle = values.get("ca_bundle") or ""
    if isinstance(bundle, str) and bundle:
        bundle = values["ca_bundle"] = os.path.abspath(os.path.expanduser(bundle))
    problems: list[Problem] = []
    try:
        env = Environment(**values)
    except EnvironmentInvalid as exc:
        env, problems = None, list(exc.problems)
    if isinstance(bundle, str) and bundle and (previous is None or bundle != previous.ca_bundle):
        problem = ca_bundle_problem(bundle)
        if problem:
            problems.append(Problem("ca_bundle", problem))
    if problems:
        name = values.get("name")
        raise EnvironmentInvalid(name if isinstance(name, str) and name else getattr(previous, "name", "?"), problems)
    return env


def ca_bundle_problem(path: str) -> str | None:
    """Why the file at `path` cannot serve as a CA bundle (missing, not a regular file, too
    big, no PEM certificate in it), or None when TLS can use it."""

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return f"cannot use the CA bundle {path}: not a regular file"
        if info.st_size > CA_BUNDLE_MAX_BYTES:
            return f"cannot use the CA bundle {path}: larger than {CA_BUNDLE_MAX_BYTES // 2**20} MiB"
        ssl.create_default_context(cafile=path)
    except ssl.SSLError:
        return f"cannot use the CA bundle {path}: no PEM certificates in it"
    except OSError as exc:
        return f"cannot use the CA bundle {path}: {exc.strerror or exc}"
    return None
