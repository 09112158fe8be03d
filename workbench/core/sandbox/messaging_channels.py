"""Pinpoint channel settings (ADM, APNS..., Baidu, email, GCM, SMS, voice) of an application:
what an Update keeps (a secret member as "has a credential", never its value), Get and Delete.
"""

from __future__ import annotations

from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID
from workbench.core.sandbox.codec import iso8601

# operation infix -> platform
CHANNELS = {"Adm": "ADM", "Apns": "APNS", "ApnsSandbox": "APNS_SANDBOX",
            "ApnsVoip": "APNS_VOIP", "ApnsVoipSandbox": "APNS_VOIP_SANDBOX", "Baidu": "BAIDU",
            "Email": "EMAIL", "Gcm": "GCM", "Sms": "SMS", "Voice": "VOICE"}
# platform -> the request/response shape prefix
SHAPE_PREFIX = {"ADM": "ADM", "APNS": "APNS", "APNS_SANDBOX": "APNSSandbox",
                "APNS_VOIP": "APNSVoip", "APNS_VOIP_SANDBOX": "APNSVoipSandbox",
                "BAIDU": "Baidu", "EMAIL": "Email", "GCM": "GCM", "SMS": "SMS",
                "VOICE": "Voice"}
# Request members that are secrets: stored as "has a credential", never returned.
SECRET_MEMBERS = {"ApiKey", "Certificate", "ClientSecret", "PrivateKey", "SecretKey",
                  "TokenKey", "ServiceJson"}


def channel_operation(operation: str) -> tuple[str, str] | None:
    """(verb, platform) for GetSmsChannel, UpdateBaiduChannel..., else None."""
    for verb in ("Get", "Update", "Delete"):
        infix = operation[len(verb):-len("Channel")]
        if operation.startswith(verb) and operation.endswith("Channel") and infix in CHANNELS:
            return verb, CHANNELS[infix]
    return None


def channel_operations() -> set[str]:
    return {f"{verb}{infix}Channel" for infix in CHANNELS for verb in ("Get", "Update", "Delete")}


def channel_answer(channels: dict, verb: str, platform: str, p: dict, now: float) -> dict | None:
    """The answer of `verb` on the app's `platform` channel (`channels`: the app's, by
    platform, changed in place); None when there is no such channel (not found)."""
    app_id = p["ApplicationId"]
    key = f"{SHAPE_PREFIX[platform]}ChannelResponse"
    if verb == "Update":
        request = p[f"{SHAPE_PREFIX[platform]}ChannelRequest"]
        when = iso8601(now)
        current = channels.get(platform) or {"Id": platform.lower(), "CreationDate": when, "Version": 0}
        kept = {k: v for k, v in request.items() if k not in SECRET_MEMBERS}
        if SECRET_MEMBERS & set(request):
            kept["HasCredential"] = True
            if "TokenKey" in request:
                kept["HasTokenKey"] = True
        current.update(kept)
        current.update({"ApplicationId": app_id, "Platform": platform, "IsArchived": False,
                        "LastModifiedDate": when, "LastModifiedBy": SANDBOX_ACCOUNT_ID,
                        "Version": current["Version"] + 1,
                        "Enabled": request.get("Enabled", current.get("Enabled", True))})
        channels[platform] = current
        return {key: current}
    if platform not in channels:
        return None
    if verb == "Delete":
        return {key: channels.pop(platform)}
    return {key: channels[platform]}
