"""The environments model in one import: the `Environment` value (environment.py), its
rules (rules.py), the `EnvironmentStore` that keeps them on disk (store.py) and how risky
an operation is (operation_risk.py). Front ends change environments through the
environment service (service.py), never through the store."""

from workbench.core.common.paths import CONFIG_DIR_ENV, config_dir
from workbench.core.environments.environment import (
    BUILTIN_VARIABLES,
    SANDBOX_NAME,
    Environment,
    EnvironmentError_,
    EnvironmentExists,
    EnvironmentInvalid,
    EnvironmentNotFound,
    sandbox_environment,
)
from workbench.core.environments.operation_risk import classify_operation, is_destructive_or_sending, needs_confirmation
from workbench.core.environments.store import FILE_NAME, MIGRATIONS, SCHEMA_VERSION, EnvironmentStore

__all__ = [
    "BUILTIN_VARIABLES", "CONFIG_DIR_ENV", "FILE_NAME", "MIGRATIONS", "SANDBOX_NAME", "SCHEMA_VERSION", "Environment",
    "EnvironmentError_", "EnvironmentExists", "EnvironmentInvalid", "EnvironmentNotFound", "EnvironmentStore",
    "classify_operation", "config_dir", "is_destructive_or_sending", "needs_confirmation", "sandbox_environment",
]
