"""SMS and voice v2: account tier, spend limits, account limits, origination identities and
their registrations, two-way and opt-out settings, configuration sets and their event
destinations, protect configurations, verified destination numbers."""

from __future__ import annotations

from workbench.core.health.model import Evidence, Finding, finding

CHANNELS = {"TEXT_MESSAGE_MONTHLY_SPEND_LIMIT": "Text messages", "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT": "Voice messages",
            "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT": "Media messages", "NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT": "Notify messages"}
MAX_VERIFIED_IN_SANDBOX = 10
NEAR = 0.8  # a limit this used is nearly reached
COMPLETE_REGISTRATION = {"COMPLETE", "APPROVED"}


def _tier(answers) -> list[Finding]:
    account = answers.one("sms.account")
    if account is None:
        return []
    attributes = account.body.get("AccountAttributes") or []
    for i, item in enumerate(attributes):
        if item.get("Name") != "ACCOUNT_TIER":
            continue
        evidence = [Evidence("sms.account", account.operation, f"$.AccountAttributes[{i}].Value", item.get("Value"))]
        if item.get("Value") == "SANDBOX":
            verified = answers.one("sms.verified")
            count = len([v for v in (verified.body.get("VerifiedDestinationNumbers") or [])
                         if v.get("Status") == "VERIFIED"]) if verified else "?"
            return [finding("sms-tier-sandbox", evidence, verified=count, maximum=MAX_VERIFIED_IN_SANDBOX)]
        return [finding("sms-tier-production", evidence, tier=item.get("Value"))]
    return []


def _spend(answers) -> list[Finding]:
    spend = answers.one("sms.spend")
    if spend is None:
        return []
    found = []
    for i, item in enumerate(spend.body.get("SpendLimits") or []):
        channel = CHANNELS.get(item.get("Name"), item.get("Name", "?"))
        enforced = item.get("EnforcedLimit")
        evidence = [Evidence("sms.spend", spend.operation, f"$.SpendLimits[{i}].EnforcedLimit", enforced)]
        if enforced == 0:
            found.append(finding("sms-spend-limit-zero", evidence, channel=channel))
        else:
            found.append(finding("sms-spend-limit", evidence, channel=channel, enforced=enforced,
                                 maximum=item.get("MaxLimit"), overridden=", overridden" if item.get("Overridden") else ""))
    return found


def _limits(answers) -> list[Finding]:
    limits = answers.one("sms.limits")
    if limits is None:
        return []
    found, summary = [], []
    for i, item in enumerate(limits.body.get("AccountLimits") or []):
        name, used, maximum = item.get("Name", "?"), item.get("Used", 0), item.get("Max", 0)
        summary.append(f"{name.lower().replace('_', ' ')} {used}/{maximum}")
        evidence = [Evidence("sms.limits", limits.operation, f"$.AccountLimits[{i}].Used", used)]
        if maximum and used >= maximum:
            found.append(finding("sms-account-limit-reached", evidence, name=name, used=used, maximum=maximum))
        elif maximum and used >= NEAR * maximum:
            found.append(finding("sms-account-limit-near", evidence, name=name, used=used, maximum=maximum))
    if summary:
        found.append(finding("sms-account-limits", [Evidence("sms.limits", limits.operation, "$.AccountLimits", len(summary))],
                             summary=", ".join(summary)))
    return found


def _identities(answers) -> list[Finding]:
    numbers, senders = answers.one("sms.numbers"), answers.one("sms.sender-ids")
    if numbers is None and senders is None:
        return []
    found = []
    phone_numbers = (numbers.body.get("PhoneNumbers") or []) if numbers else []
    sender_ids = (senders.body.get("SenderIds") or []) if senders else []
    if numbers is not None and senders is not None and not phone_numbers and not sender_ids:
        return [finding("sms-no-origination-identity", [Evidence("sms.numbers", numbers.operation, "$.PhoneNumbers", []),
                                                       Evidence("sms.sender-ids", senders.operation, "$.SenderIds", [])])]
    statuses: dict[str, int] = {}
    for i, item in enumerate(phone_numbers):
        status = item.get("Status", "?")
        statuses[status] = statuses.get(status, 0) + 1
        if status != "ACTIVE":
            registration = f" (registration {item['RegistrationId']})" if item.get("RegistrationId") else ""
            found.append(finding("sms-identity-pending", [Evidence("sms.numbers", numbers.operation,
                                                                   f"$.PhoneNumbers[{i}].Status", status)],
                                 identity=item.get("PhoneNumber", item.get("PhoneNumberId")),
                                 kind=f"{item.get('IsoCountryCode', '')} {item.get('NumberType', '')}".strip(),
                                 status=status, registration=registration))
    simulators = [n.get("PhoneNumber") for n in phone_numbers if n.get("NumberType") == "SIMULATOR"]
    if simulators:
        found.append(finding("sms-simulator-numbers", [Evidence("sms.numbers", numbers.operation, "$.PhoneNumbers[*].NumberType",
                                                                "SIMULATOR")],
                             count=len(simulators), numbers=", ".join(simulators[:5]) + (", ..." if len(simulators) > 5 else "")))
    parts = [f"{len(phone_numbers)} phone number(s)" + (f" ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))})"
                                                          if statuses else "")]
    parts.append(f"{len(sender_ids)} sender ID(s)")
    pools = answers.one("sms.pools")
    if pools is not None:
        parts.append(f"{len(pools.body.get('Pools') or [])} pool(s)")
    source = numbers or senders
    found.append(finding("sms-identities", [Evidence(source.spec.id, source.operation, "$", len(phone_numbers) + len(sender_ids))],
                         summary=", ".join(parts)))
    return found + _two_way(answers, phone_numbers, numbers)


def _two_way(answers, phone_numbers, numbers) -> list[Finding]:
    lists = answers.one("sms.opt-out-lists")
    if numbers is None:
        return []
    names = [item.get("OptOutListName") for item in (lists.body.get("OptOutLists") or [])] if lists else []
    return [finding("sms-two-way-and-opt-outs",
                    [Evidence("sms.numbers", numbers.operation, "$.PhoneNumbers[*].TwoWayEnabled",
                              sum(1 for n in phone_numbers if n.get("TwoWayEnabled")))],
                    two_way=sum(1 for n in phone_numbers if n.get("TwoWayEnabled")), numbers=len(phone_numbers),
                    self_managed=sum(1 for n in phone_numbers if n.get("SelfManagedOptOutsEnabled")),
                    lists=", ".join(names) if names else "none")]


def _registrations(answers) -> list[Finding]:
    found = []
    for result in answers.ok("sms.registrations"):
        for i, item in enumerate(result.body.get("Registrations") or []):
            status = item.get("RegistrationStatus", "?")
            if status not in COMPLETE_REGISTRATION:
                found.append(finding("sms-registration-incomplete", [Evidence("sms.registrations", result.operation,
                                                                             f"$.Registrations[{i}].RegistrationStatus", status)],
                                     registration=item.get("RegistrationId", "?"), kind=item.get("RegistrationType", "?"),
                                     status=status))
    return found


def _configuration_sets(answers) -> list[Finding]:
    sets = answers.one("sms.configuration-sets")
    if sets is None:
        return []
    items = sets.body.get("ConfigurationSets") or []
    if not items:
        return [finding("sms-no-configuration-set", [Evidence("sms.configuration-sets", sets.operation, "$.ConfigurationSets", [])])]
    found, with_destinations = [], []
    for i, item in enumerate(items):
        destinations = item.get("EventDestinations") or []
        if not destinations:
            found.append(finding("sms-configuration-set-without-destination",
                                 [Evidence("sms.configuration-sets", sets.operation, f"$.ConfigurationSets[{i}].EventDestinations", [])],
                                 name=item.get("ConfigurationSetName", "?")))
        else:
            with_destinations.append(f"{item.get('ConfigurationSetName')} ({len(destinations)})")
    if with_destinations:
        found.append(finding("sms-configuration-sets", [Evidence("sms.configuration-sets", sets.operation, "$.ConfigurationSets",
                                                                len(items))], summary=", ".join(with_destinations)))
    return found


def _protect(answers) -> list[Finding]:
    protect = answers.one("sms.protect")
    if protect is None:
        return []
    items = protect.body.get("ProtectConfigurations") or []
    default = [p.get("ProtectConfigurationId") for p in items if p.get("AccountDefault")]
    summary = (f"{len(items)}" + (f", account default {default[0]}" if default else ", none is the account default")) if items \
        else "none (no country rules or fraud protection beyond AWS's defaults)"
    return [finding("sms-protect", [Evidence("sms.protect", protect.operation, "$.ProtectConfigurations", len(items))],
                    summary=summary)]


def _verified(answers) -> list[Finding]:
    verified = answers.one("sms.verified")
    if verified is None:
        return []
    items = verified.body.get("VerifiedDestinationNumbers") or []
    found = []
    for i, item in enumerate(items):
        if item.get("Status") != "VERIFIED":
            found.append(finding("sms-destination-pending", [Evidence("sms.verified", verified.operation,
                                                                      f"$.VerifiedDestinationNumbers[{i}].Status", item.get("Status"))],
                                 number=item.get("DestinationPhoneNumber", "?"), status=item.get("Status", "?")))
    done = sum(1 for item in items if item.get("Status") == "VERIFIED")
    found.append(finding("sms-verified-destinations", [Evidence("sms.verified", verified.operation, "$.VerifiedDestinationNumbers",
                                                                len(items))],
                         summary=f"{done} verified, {len(items) - done} not yet (at most {MAX_VERIFIED_IN_SANDBOX} in the SMS sandbox)"))
    return found


def check(answers) -> list[Finding]:
    return (_tier(answers) + _spend(answers) + _limits(answers) + _identities(answers) + _registrations(answers)
            + _configuration_sets(answers) + _protect(answers) + _verified(answers))
