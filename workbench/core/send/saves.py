"""Variables from responses: `projectId = ApplicationResponse.Id` takes a value out of a
response with a JMESPath expression (jmespath comes with botocore) and keeps it in an
environment or in the globals, so the next request can use `{{ projectId }}`.

An expression is tried on the response body, then (for REST operations whose output is one
payload member) on the body under that member's name, so both `Id` and botocore's
`ApplicationResponse.Id` work for CreateApp.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


from workbench.core.common.errors import Problem, WorkbenchError


class BadSaveExpression(WorkbenchError):
    fmt = "{variable}={expression}: not a JMESPath expression ({reason})"


@dataclass(frozen=True)
class SavedValues:
    values: dict  # variable -> text value
    problems: tuple[Problem, ...] = ()  # saves that found nothing

    def to_dict(self) -> dict:
        return {"values": dict(self.values), "problems": [p.to_dict() for p in self.problems]}


def compile_saves(saves) -> list[tuple[str, str, object]]:
    """[(variable, expression, compiled)]; BadSaveExpression before anything is sent."""
    if not saves:
        return []
    import jmespath  # only when something is saved: not a cost of every send's start-up
    import jmespath.exceptions

    compiled = []
    for variable, expression in saves:
        try:
            compiled.append((variable, expression, jmespath.compile(expression)))
        except jmespath.exceptions.JMESPathError as exc:
            raise BadSaveExpression(variable=variable, expression=expression, reason=str(exc).splitlines()[0]) from None
    return compiled


def _output_payload(operation_key: str) -> str | None:
    if ":" not in operation_key:
        return None
    from workbench.core.library import catalog
    api, name = operation_key.split(":", 1)
    try:
        output = catalog.service_model(api).operation_model(name).output_shape
    except Exception:  # an API or operation botocore does not know: no payload member
        return None
    return output.serialization.get("payload") if output is not None else None


def values_from_response(exchange, saves) -> SavedValues:
    """The values `saves` [(variable, expression)] pick from the exchange's response body."""
    if not saves:
        return SavedValues({})
    compiled = compile_saves(saves)
    response = exchange.response
    if response is None or not response.ok:
        why = "no response came back" if response is None else f"the answer was HTTP {response.status}"
        return SavedValues({}, tuple(Problem(f"save {v}", f"not saved: {why}") for v, _, _ in compiled))
    body = response.json()
    payload = _output_payload(exchange.operation)
    values, problems = {}, []
    for variable, expression, program in compiled:
        found = program.search(body) if body is not None else None
        if found is None and payload:
            found = program.search({payload: body})
        if found is None:
            problems.append(Problem(f"save {variable}", f"{expression} matched nothing in the response"))
            continue
        values[variable] = found if isinstance(found, str) else json.dumps(found, ensure_ascii=False)
    return SavedValues(values, tuple(problems))
