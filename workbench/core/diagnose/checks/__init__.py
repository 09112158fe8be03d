"""Code checks: what the catalogue's data matchers cannot express. Each takes
(observation, context, match, now) and returns a Finding, or None when it does not apply;
the catalogue names them in an entry's "check". Importing this package registers them all."""

from workbench.core.diagnose.checks import auth, channels, clock, iam, request, setup  # noqa: F401 - they register
from workbench.core.diagnose.checks.base import CHECKS, MAX_SKEW_SECONDS, Finding, facts

__all__ = ["CHECKS", "MAX_SKEW_SECONDS", "Finding", "facts"]
