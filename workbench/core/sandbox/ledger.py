"""The operations the sandbox serves from the model alone (no handler of their own) keep a
ledger of what they created, so they answer as AWS does and never invent a thing:

- Create (and a Put that sets a thing of its own: a resource policy, a field value): the
  answer is the model's sample with the request's own values and a fresh id where the
  service makes one up; the record is kept under its identifier, below its parent's (an
  event destination under its configuration set). Creating what exists is the API's conflict.
- Every other operation that names something (a URI label, a member some operation
  creates, or one the stateful emulation or moto keeps: an application, a phone number, a
  protect configuration, an ARN, a message id) answers for it only when the sandbox knows
  it; else the model's not-found error. Delete forgets it and what is below it; Update and
  Put keep the new values; a read shows the kept ones; tags are kept per ARN.
- A list answers with the kept records of its kind (none: an empty list); reference data
  (definitions, supported countries) and account settings come from the model's sample.

Identifiers are found from the model's names (`RegistrationId`, `ConfigurationSetName`,
`EmailIdentity`...); a Pinpoint template is kept per type (an SMS template is not a push one).
"""

from __future__ import annotations

import re
import uuid
from typing import Callable

from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.sandbox.codec import operation_model, output_sample
from workbench.core.sandbox.ledger_shapes import (TEMPLATE_KINDS, asked_about, derived, flat, item, list_members,
                                                  overlay, update)
from workbench.core.sandbox.routing import service_model
from workbench.core.sandbox.smsv2_errors import conflict, not_found as v2_not_found

VERBS = ("Create", "Get", "Describe", "List", "Update", "Put", "Delete", "Submit", "Discard", "Send", "Tag", "Untag",
         "Remove")
CHANGES = ("Update", "Put", "Submit", "Discard", "Remove")
REFERENCE_DATA = re.compile(r"Definitions|Countries|CountryLaunchStatus|NotifyTemplates|DailyVolumes|IspPlacements")
SEP = "\n"
BOOKKEEPING = ("tags", "children")  # what the ledger keeps beside records
ID_NAME = re.compile(r"(Id|Name|Arn|Identity|Ip)$")  # a URI label that names a thing (not AttributeType, Domain)


def split_name(operation: str) -> tuple[str, str]:
    """("Get", "EmailIdentity") for GetEmailIdentity."""
    verb = next((v for v in VERBS if operation.startswith(v) and operation[len(v):][:1].isupper()), "")
    return verb, operation[len(verb):]


def _words(noun: str) -> list[str]:
    return re.findall(r"[A-Z][a-z0-9]*", noun)


def _singular(name: str) -> str:
    return name[:-3] + "y" if name.endswith("ies") else name[:-1] if name.endswith("s") else name


def _strings(shape, required_only: bool = True) -> list[str]:
    if shape is None:
        return []
    return [n for n, m in shape.members.items()
            if m.type_name == "string" and (n in shape.required_members or not required_only)]


def _label(member: str) -> str:
    return re.sub(r"(Id|Name|Arn)$", "", member) or member


class Kinds:
    """One API's kinds of things, from its model: a created kind's id member (`own_ids`), and
    what a Put keeps of its own (`put_keys`: the members its Delete or Get names it by)."""

    def __init__(self, api: str):
        model = service_model(api)
        self.operations = set(model.operation_names)
        self.own_ids: dict[str, str] = {}
        self.put_keys: dict[str, list[str]] = {}
        self.created: set[str] = set()  # every noun a Create makes (with or without an id of its own)
        for name in sorted(self.operations):
            verb, noun = split_name(name)
            if verb == "Create":
                self.created.add(noun)
                op = model.operation_model(name)
                words = _words(noun)
                candidates = ["".join(words[k:]) + suffix for k in range(len(words)) for suffix in ("Name", "Id", "")]
                inputs, outputs = _strings(op.input_shape), _strings(op.output_shape, required_only=False)
                own = next((c for c in candidates if c in inputs), None) or next((c for c in candidates if c in outputs), None)
                if own:
                    self.own_ids[noun] = own
            elif verb == "Put" and f"Create{noun}" not in self.operations:
                reader = next((f"{v}{noun}" for v in ("Delete", "Get") if f"{v}{noun}" in self.operations), None)
                if reader:
                    self.put_keys[noun] = _strings(model.operation_model(reader).input_shape)

    def id_members(self, op, stateful: set[str]) -> list[str]:
        """The members of `op`'s input that name something, parents first."""
        shape = op.input_shape
        ids = set(self.own_ids.values()) | stateful
        return [n for n in _strings(shape) if not shape.members[n].enum and (n in ids or (
            shape.members[n].serialization.get("location") == "uri" and ID_NAME.search(n)))]

    def noun_of_list(self, list_member: str) -> str | None:
        singular = _singular(list_member)
        return next((noun for noun in (*self.created, *self.put_keys) if noun == singular or noun.endswith(singular)), None)

    def kind_of(self, noun: str) -> str:
        """Where the records of `noun` are kept: under its id member, or its own name."""
        return noun if noun in self.put_keys or noun not in self.own_ids else self.own_ids[noun]


class Ledger:
    """`known(api, member, value)` answers for what the stateful emulation and moto keep;
    `stateful_members` names the members that refer to those."""

    def __init__(self, store, known: Callable[[str, str, str], bool], stateful_members: set[str]):
        self.store = store
        self.known_elsewhere = known
        self.stateful_members = stateful_members
        self.state = store.state.setdefault("ledger", {})
        self._kinds: dict[str, Kinds] = {}

    def kinds(self, api: str) -> Kinds:
        if api not in self._kinds:
            self._kinds[api] = Kinds(api)
        return self._kinds[api]

    def records(self, api: str, kind: str) -> dict:
        return self.state.setdefault(api, {}).setdefault(kind, {})

    def knows(self, api: str, kind: str, key: str) -> bool:
        return key in self.state.get(api, {}).get(kind, {})

    def answer(self, api: str, operation: str, params: dict) -> dict:
        with self.store.lock:
            answer = self._answer(api, operation, params)
            if not operation.startswith(("Get", "Describe", "List")):
                self.store.save()
            return answer

    # ------------------------------------------------------------------ one operation

    def _kind(self, operation: str, member: str, params: dict) -> str:
        if member != "TemplateName":
            return member
        noun = split_name(operation)[1]
        kind = TEMPLATE_KINDS.get(str(params.get("TemplateType", "")).upper()) or noun.split("Template")[0]
        return f"{kind}Template"

    def _answer(self, api: str, operation: str, params: dict) -> dict:
        kinds, op = self.kinds(api), operation_model(api, operation)
        verb, noun = split_name(operation)
        keys, path = [], []  # (member, kind, key): each id with the ids above it
        for member in kinds.id_members(op, self.stateful_members):
            if params.get(member) is not None:
                path.append(str(params[member]))
                keys.append((member, self._kind(operation, member, params), SEP.join(path)))
        own = kinds.own_ids.get(noun)
        if verb == "Create":
            return self._create(api, op, noun, own, keys, params)
        if noun in kinds.put_keys:
            return self._own_thing(api, op, verb, noun, keys, params)
        for member, kind, key in keys:
            if not (self.knows(api, kind, key) or self.known_elsewhere(api, member, key.rsplit(SEP, 1)[-1])):
                raise self._not_found(api, member, key.rsplit(SEP, 1)[-1])
        if verb in ("Tag", "Untag") or (verb == "List" and noun == "TagsForResource"):
            return self._tags(api, op, verb, params)
        lists = list_members(op.output_shape)
        if lists and verb in ("List", "Describe", "Get") and (not keys or keys[-1][0] not in kinds.own_ids.values()
                                                             or noun.endswith("s")):
            return self._list(api, op, keys, lists, params)
        if not keys:  # the account's settings, or what the request itself names
            return asked_about(op, params, output_sample(api, op.name))
        member, kind, key = keys[-1]
        record = dict(self.records(api, kind).get(key, {}))
        if record and op.output_shape is not None and "Tags" in op.output_shape.members:
            record["Tags"] = list(self._tag_store(api).get(self._arn(api, kind, key.rsplit(SEP, 1)[-1]), []))
        if verb == "Delete":
            self._forget(api, kind, key)
        elif verb in CHANGES and key in self.records(api, kind):
            update(self.records(api, kind)[key], {k: v for k, v in params.items() if k not in {m for m, _, _ in keys}})
        return self._shaped(op, {**record, **params}, kept=bool(record))

    def _create(self, api: str, op, noun: str, own: str | None, keys: list, params: dict) -> dict:
        parents = keys[:-1] if own and keys and keys[-1][0] == own else keys
        for member, kind, key in parents:
            if not (self.knows(api, kind, key) or self.known_elsewhere(api, member, key.rsplit(SEP, 1)[-1])):
                raise self._not_found(api, member, key.rsplit(SEP, 1)[-1])
        record = dict(params)
        if own and own not in params:  # the service makes the id up
            record[own] = f"{_words(noun)[-1].lower()}-{uuid.uuid4().hex}"
        kind = self._kind(op.name, own, params) if own else noun
        record.update(derived(record, kind))
        key = SEP.join([*(k for _, _, k in parents[-1:]), str(record[own]) if own else uuid.uuid4().hex])
        records = self.records(api, kind)
        if key in records:
            raise self._exists(api, op, own or noun, key.rsplit(SEP, 1)[-1])
        answer = self._shaped(op, record)
        self._keep(api, kind, key, {**flat(answer), **record})
        if isinstance(params.get("Tags"), list):
            self._tag_store(api)[self._arn(api, kind, record.get(own, ""))] = list(params["Tags"])
        return answer

    def _own_thing(self, api: str, op, verb: str, noun: str, keys: list, params: dict) -> dict:
        """What a Put keeps of its own (a resource policy, a field value, a number override)."""
        kinds = self.kinds(api)
        for member, kind, key in keys:
            if not (self.knows(api, kind, key) or self.known_elsewhere(api, member, key.rsplit(SEP, 1)[-1])):
                raise self._not_found(api, member, key.rsplit(SEP, 1)[-1])
        records = self.records(api, noun)
        key = SEP.join(str(params.get(m, "")) for m in kinds.put_keys[noun])
        if verb == "Put":
            self._keep(api, noun, key, {**records.get(key, {}), **params})
            return self._shaped(op, records[key])
        if key not in records:
            raise self._not_found(api, noun, key.replace(SEP, " "))
        record = records[key]
        if verb == "Delete":
            self._forget(api, noun, key)
        return self._shaped(op, {**record, **params})

    def _list(self, api: str, op, keys: list, lists: dict, params: dict) -> dict:
        """The kept records of each list member's kind (below the request's ids), reference data as sampled."""
        kinds = self.kinds(api)
        answer = output_sample(api, op.name)
        parent = keys[-1][2] + SEP if keys else ""
        for (container, name), member in lists.items():
            target = answer[container] if container else answer
            if REFERENCE_DATA.search(name):
                continue
            found = kinds.noun_of_list(name)
            if name == "Item" and "Template" in op.name:  # Pinpoint's template lists: every kind
                records = [(k, r) for kind in TEMPLATE_KINDS.values() for k, r in self.records(api, f"{kind}Template").items()]
            elif found is None:
                records = []
            else:
                kind = kinds.kind_of(found)
                records = list(self.records(api, self._kind(op.name, kind, params)).items())
            if name == "Item" and keys:  # one template's versions: that template
                records = [(k, r) for k, r in records if k == keys[-1][2]]
            elif parent:
                records = [(k, r) for k, r in records if k.startswith(parent)]
            records = [r for _, r in records]
            wanted = params.get(f"{kinds.own_ids.get(found, '')}s") if found else None
            if isinstance(wanted, list) and wanted:
                have = {r.get(kinds.own_ids[found]) for r in records}
                missing = [w for w in wanted if w not in have]
                if missing:
                    raise self._not_found(api, kinds.own_ids[found], missing[0])
                records = [r for r in records if r.get(kinds.own_ids[found]) in wanted]
            own = kinds.own_ids.get(found, "") if found else ""
            target[name] = [item(member.member, r, own) for r in records]
        return answer

    # ------------------------------------------------------------------ tags, forgetting

    def _tag_store(self, api: str) -> dict:
        return self.state.setdefault(api, {}).setdefault("tags", {})

    def _arn(self, api: str, kind: str, name: str) -> str:
        from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION

        resource = {"EmailIdentity": "identity", "ConfigurationSetName": "configuration-set", "PoolName": "dedicated-ip-pool",
                    "ReportId": "deliverability-test-report"}.get(kind, _label(kind).lower())
        service = {"pinpoint-email": "ses", "pinpoint": "mobiletargeting"}.get(api, "sms-voice")
        return f"arn:aws:{service}:{SANDBOX_REGION}:{SANDBOX_ACCOUNT_ID}:{resource}/{name}"

    def knows_arn(self, api: str, arn: str) -> bool:
        """Whether `arn` names something the ledger keeps (tags and policies may name it):
        its resource type gives the kind, its name the key (one lookup, whatever is kept)."""
        name = arn.rpartition(":")[2].partition("/")[2]
        for kind in self.state.get(api, {}):
            if kind not in BOOKKEEPING and self._arn(api, kind, name) == arn and self.knows(api, kind, name):
                return True
        return False

    def _tags(self, api: str, op, verb: str, params: dict) -> dict:
        tags = self._tag_store(api).setdefault(params["ResourceArn"], [])
        if verb == "Tag":
            given = {t["Key"]: t for t in params.get("Tags", [])}
            tags[:] = [t for t in tags if t["Key"] not in given] + list(given.values())
        elif verb == "Untag":
            tags[:] = [t for t in tags if t["Key"] not in set(params.get("TagKeys", []))]
        return self._shaped(op, {"Tags": list(tags)})

    def _keep(self, api: str, kind: str, key: str, record: dict) -> None:
        """Keep a record, and note it below its parent (so forgetting the parent costs what
        is below it, not what the ledger holds)."""
        new = key not in self.records(api, kind)
        self.records(api, kind)[key] = record
        parent = key.rpartition(SEP)[0]
        if parent and new:
            self.records(api, "children").setdefault(parent, []).append([kind, key])

    def _forget(self, api: str, kind: str, key: str) -> None:
        """Forget a record and everything kept below it."""
        self.records(api, kind).pop(key, None)
        for child_kind, child in self.records(api, "children").pop(key, []):
            self._forget(api, child_kind, child)

    # ------------------------------------------------------------------ answers and errors

    @staticmethod
    def _shaped(op, record: dict, kept: bool = True) -> dict:
        """The model's answer with the record's values; for a kept record, a list it has no
        value for is empty (a sampled item would be an invented thing)."""
        record = flat(record)
        shape = op.output_shape
        answer = output_sample(op.service_model.service_name, op.name)
        if shape is None:
            return answer
        payload = shape.serialization.get("payload")
        if payload:
            answer[payload] = overlay(shape.members[payload], answer[payload], record, kept)
            return answer
        return overlay(shape, answer, record, kept)

    @staticmethod
    def _not_found(api: str, member: str, value: str) -> AwsError:
        if api == "pinpoint-sms-voice-v2":
            return v2_not_found(_label(member), value)
        message = f"{_label(member)} {value} does not exist"
        return AwsError(404, "NotFoundException", message, {"message": message})

    @staticmethod
    def _exists(api: str, op, member: str, value: str) -> AwsError:
        message = f"{_label(member)} {value} already exists"
        if api == "pinpoint-sms-voice-v2":
            return conflict("RESOURCE_ALREADY_EXISTS", message, _label(member), value)
        if "AlreadyExistsException" in {e.name for e in op.error_shapes}:
            return AwsError(400, "AlreadyExistsException", message, {"message": message})
        return AwsError(400, "BadRequestException", message, {"Message": message})
