"""The account health check: what state an environment's account is in, read-only.

    from workbench.core.health import run_health, required_policy
    with SendService(workspace).open("dev", cancel=token) as session:
        report = run_health(session, cancel=token, progress=show)
    report.findings   each with a code, severity, title, evidence (which call, which field) and
                      the next step (a troubleshooting-guide entry or an action)
    report.to_dict()  {"findings": [...], "calls": [...], "environment": {...}}

The calls and the findings are data (resources/health_checks.json, model.py); the engine
(engine.py) runs the calls through the send service; the rules (rules_*.py) read the
answers; policy.py gives the IAM policy the calls need; html.py exports a report.
"""

from workbench.core.health.engine import HealthProgress, run_health
from workbench.core.health.model import AREAS, CallResult, Evidence, Finding, HealthReport, catalogue

__all__ = ["AREAS", "CallResult", "Evidence", "Finding", "HealthProgress", "HealthReport", "catalogue", "run_health"]
