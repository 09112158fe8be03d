"""Pinpoint messaging, stateful: SendMessages and SendUsersMessages with per-recipient
results under the SMS and voice v2 rules (sandbox, simulators, opt-outs, spend), endpoints
(so users and endpoint ids resolve), SendOTPMessage / VerifyOTPMessage (code in the event
log, attempts and expiry enforced), PhoneNumberValidate from offline numbering data, and
channel settings for every channel type.

Projects (apps) are moto's: an application id is known when moto's backend has it.
"""

from __future__ import annotations

import functools
import random
import uuid

import phonenumbers

from workbench.core.sandbox import numbers
from workbench.core.sandbox.aws_errors import AwsError
from workbench.core.sandbox.codec import iso8601
from workbench.core.sandbox.emulation_base import StatefulEmulation
from workbench.core.sandbox.messaging_channels import CHANNELS, channel_answer, channel_operation, channel_operations
from workbench.core.sandbox.events import EventLog, now_ms
from workbench.core.sandbox.smsv2 import SmsVoiceV2
from workbench.core.sandbox.store import SandboxStore
from workbench.core.environments.sandbox_identity import SANDBOX_ACCOUNT_ID, SANDBOX_REGION

OTP_LANGUAGES = {"de-DE", "en-GB", "en-US", "es-419", "es-ES", "fr-CA", "fr-FR", "it-IT",
                 "ja-JP", "ko-KR", "pt-BR", "zh-CN", "zh-TW"}
_PHONE_TYPES = {  # phonenumbers type -> (PhoneType, PhoneTypeCode)
    phonenumbers.PhoneNumberType.MOBILE: ("MOBILE", 0),
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: ("MOBILE", 0),
    phonenumbers.PhoneNumberType.FIXED_LINE: ("LANDLINE", 1),
    phonenumbers.PhoneNumberType.VOIP: ("VOIP", 2),
}


def bad_request(message: str) -> AwsError:
    return AwsError(400, "BadRequestException", message,
                    {"Message": message, "RequestID": str(uuid.uuid4())})


def not_found(message: str = "Resource not found") -> AwsError:
    return AwsError(404, "NotFoundException", message,
                    {"Message": message, "RequestID": str(uuid.uuid4())})


def _result(status: str, code: int, message: str, message_id: str | None = None,
            address: str | None = None) -> dict:
    result = {"DeliveryStatus": status, "StatusCode": code, "StatusMessage": message}
    if message_id:
        result["MessageId"] = message_id
    if address:
        result["Address"] = address
    return result


# SMS v2 refusals -> the per-recipient status Pinpoint reports for them
_REFUSALS = {
    "DESTINATION_PHONE_NUMBER_NOT_VERIFIED": ("PERMANENT_FAILURE", "ACCOUNT_IN_SANDBOX"),
    "DESTINATION_PHONE_NUMBER_OPTED_OUT": ("OPT_OUT", "OPTED_OUT"),
    "NO_ORIGINATION_IDENTITIES_FOUND": ("PERMANENT_FAILURE",
                                        "NO_ORIGINATION_IDENTITY_AVAILABLE_TO_SEND"),
    "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY": ("PERMANENT_FAILURE",
                                                 "INVALID_ORIGINATION_IDENTITY"),
    "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT": ("PERMANENT_FAILURE", "MAX_PRICE_EXCEEDED"),
    "MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE": ("PERMANENT_FAILURE", "MAX_PRICE_EXCEEDED"),
    "SENDER_ID_NOT_SUPPORTED": ("PERMANENT_FAILURE", "SENDER_ID_NOT_SUPPORTED_FOR_DESTINATION"),
    "SENDER_ID_NOT_REGISTERED": ("PERMANENT_FAILURE", "INVALID_SENDER_ID"),
    "REGISTRATION_NOT_COMPLETE": ("PERMANENT_FAILURE", "INVALID_ORIGINATION_IDENTITY"),
    "INVALID_PARAMETER": ("PERMANENT_FAILURE", "INVALID_PHONE_NUMBER"),
}


class PinpointMessaging(StatefulEmulation):
    API = "pinpoint"
    STATE_KEY = "pinpoint"
    READS = ("Get",)

    def __init__(self, store: SandboxStore, events: EventLog, smsv2: SmsVoiceV2):
        super().__init__(store, events)
        self.smsv2 = smsv2

    @staticmethod
    def empty_state() -> dict:
        return {"channels": {}, "endpoints": {}, "otp": {}}

    @classmethod
    def operations(cls) -> frozenset[str]:
        return super().operations() | channel_operations()

    def dispatch(self, operation: str, params: dict) -> dict:
        channel = channel_operation(operation)
        if channel is None:
            return super().dispatch(operation, params)
        self._app(params["ApplicationId"])
        answer = channel_answer(self.state["channels"].setdefault(params["ApplicationId"], {}), *channel, params,
                                self.store.now())
        if answer is None:
            raise not_found()
        return answer

    def _app(self, app_id: str) -> None:
        from moto.pinpoint.models import pinpoint_backends

        if app_id not in pinpoint_backends[SANDBOX_ACCOUNT_ID][SANDBOX_REGION].apps:
            raise not_found()

    # -- channels ---------------------------------------------------------------------------
    def op_GetChannels(self, p):
        self._app(p["ApplicationId"])
        channels = self.state["channels"].get(p["ApplicationId"], {})
        return {"ChannelsResponse": {"Channels": {
            platform: {k: v for k, v in record.items() if k != "Platform"}
            for platform, record in channels.items()}}}

    def _enabled(self, app_id: str, platform: str) -> bool:
        return bool(self.state["channels"].get(app_id, {}).get(platform, {}).get("Enabled"))

    # -- endpoints --------------------------------------------------------------------------
    def op_UpdateEndpoint(self, p):
        self._app(p["ApplicationId"])
        self._put_endpoint(p["ApplicationId"], p["EndpointId"], p["EndpointRequest"])
        return {"MessageBody": {"Message": "Accepted", "RequestID": str(uuid.uuid4())}}

    def op_UpdateEndpointsBatch(self, p):
        self._app(p["ApplicationId"])
        for item in p["EndpointBatchRequest"].get("Item", []):
            if not item.get("Id"):
                raise bad_request("Every item of an endpoint batch needs an Id.")
            self._put_endpoint(p["ApplicationId"], item["Id"], item)
        return {"MessageBody": {"Message": "Accepted", "RequestID": str(uuid.uuid4())}}

    def _put_endpoint(self, app_id: str, endpoint_id: str, request: dict) -> None:
        endpoints = self.state["endpoints"].setdefault(app_id, {})
        now = iso8601(self.store.now())
        record = endpoints.get(endpoint_id) or {"CreationDate": now, "Id": endpoint_id,
                                                 "ApplicationId": app_id}
        for key, value in request.items():  # custom attributes merge by name (RemoveAttributes removes)
            if key in ("Attributes", "Metrics") and isinstance(value, dict):
                record[key] = {**(record.get(key) or {}), **value}
            elif key == "User" and isinstance(value, dict) and isinstance(record.get("User"), dict):
                merged = {**record["User"], **value}
                if isinstance(value.get("UserAttributes"), dict):
                    merged["UserAttributes"] = {**(record["User"].get("UserAttributes") or {}), **value["UserAttributes"]}
                record["User"] = merged
            elif key != "Id":
                record[key] = value
        record["EffectiveDate"] = now
        record.setdefault("EndpointStatus", "ACTIVE")
        record.setdefault("OptOut", "NONE")
        endpoints[endpoint_id] = record

    def _endpoint(self, app_id: str, endpoint_id: str) -> dict:
        record = self.state["endpoints"].get(app_id, {}).get(endpoint_id)
        if record is None:
            raise not_found()
        return record

    def op_GetEndpoint(self, p):
        self._app(p["ApplicationId"])
        return {"EndpointResponse": self._endpoint(p["ApplicationId"], p["EndpointId"])}

    def op_DeleteEndpoint(self, p):
        self._app(p["ApplicationId"])
        record = self._endpoint(p["ApplicationId"], p["EndpointId"])
        del self.state["endpoints"][p["ApplicationId"]][p["EndpointId"]]
        return {"EndpointResponse": record}

    def _user_endpoints(self, app_id: str, user_id: str) -> list[dict]:
        return [r for r in self.state["endpoints"].get(app_id, {}).values()
                if (r.get("User") or {}).get("UserId") == user_id]

    def op_GetUserEndpoints(self, p):
        self._app(p["ApplicationId"])
        found = self._user_endpoints(p["ApplicationId"], p["UserId"])
        if not found:
            raise not_found()
        return {"EndpointsResponse": {"Item": found}}

    def op_DeleteUserEndpoints(self, p):
        self._app(p["ApplicationId"])
        found = self._user_endpoints(p["ApplicationId"], p["UserId"])
        if not found:
            raise not_found()
        for record in found:
            del self.state["endpoints"][p["ApplicationId"]][record["Id"]]
        return {"EndpointsResponse": {"Item": found}}

    # -- sending ----------------------------------------------------------------------------
    def _send_one(self, app_id: str, channel: str, address: str, configuration: dict) -> dict:
        """One recipient's result, as Pinpoint reports it."""
        if channel not in CHANNELS.values():
            return _result("PERMANENT_FAILURE", 400, f"Unsupported channel type {channel}")
        if not self._enabled(app_id, channel):
            return _result("PERMANENT_FAILURE", 400, f"The {channel} channel is not enabled "
                           "for this project.")
        if channel not in ("SMS", "VOICE"):
            message_id = str(uuid.uuid4())
            return _result("SUCCESSFUL", 200, f"MessageId: {message_id}", message_id)
        if channel == "SMS":
            message = configuration.get("SMSMessage") or {}
            body = message.get("Body") or (configuration.get("DefaultMessage") or {}).get("Body", "")
            identity = message.get("OriginationNumber") or message.get("SenderId")
            params = {"MessageType": message.get("MessageType", "TRANSACTIONAL"),
                      "Context": configuration.get("Context")}
            kind = "TEXT"
        else:
            message = configuration.get("VoiceMessage") or {}
            body = message.get("Body", "")
            identity = message.get("OriginationNumber")
            params, kind = {}, "VOICE"
        sms_event = functools.partial(self._sms_event, app_id, address, identity,
                                      params.get("MessageType"), body) if kind == "TEXT" \
            else (lambda *args: None)
        try:
            message_id = self.smsv2._deliver(kind, address, identity, body, params)
        except AwsError as error:
            status, label = _REFUSALS.get(error.extra.get("Reason"),
                                          ("PERMANENT_FAILURE", error.code))
            sms_event("_SMS.FAILURE", label, str(uuid.uuid4()))
            return _result(status, 400, f"{label}: {error.message}")
        sms_event("_SMS.BUFFERED", "SUCCESSFUL", message_id)
        target = numbers.simulator(address)
        if target is None or target.succeeds:
            sms_event("_SMS.SUCCESS", "DELIVERED", message_id)
        else:
            sms_event("_SMS.FAILURE", "CARRIER_UNREACHABLE", message_id)
        return _result("SUCCESSFUL", 200, f"MessageId: {message_id}", message_id)

    def _sms_event(self, app_id: str, destination: str, origin: str | None,
                   message_type: str | None, body: str, event_type: str, record_status: str,
                   message_id: str) -> None:
        """The record Pinpoint streams for an SMS (its event stream format, `_SMS.*`)."""
        now = now_ms()
        _, parts = numbers.message_parts(body)
        record = {
            "event_type": event_type, "event_timestamp": now, "arrival_timestamp": now,
            "event_version": "3.1",
            "application": {"app_id": app_id, "sdk": {}}, "client": {"client_id": message_id},
            "device": {"platform": {}}, "session": {},
            "attributes": {"sender_request_id": message_id, "destination_phone_number":
                           destination, "record_status": record_status,
                           "iso_country_code": numbers.country_of(destination) or "",
                           "message_id": message_id, "message_type":
                           (message_type or "TRANSACTIONAL").capitalize(),
                           "origination_phone_number": origin or "",
                           "number_of_message_parts": str(parts)},
            "awsAccountId": SANDBOX_ACCOUNT_ID}
        if event_type != "_SMS.BUFFERED" and record_status != "SUCCESSFUL":
            record["metrics"] = {"price_in_millicents_usd":
                                 round(parts * numbers.TEXT_PRICE_USD * 100000, 2)}
        self.events.append({"api": self.API, "event": record})

    def op_SendMessages(self, p):
        app_id = p["ApplicationId"]
        self._app(app_id)
        request = p["MessageRequest"]
        configuration = request.get("MessageConfiguration") or {}
        results = {address: self._send_one(app_id, spec.get("ChannelType", ""), address,
                                           configuration)
                   for address, spec in (request.get("Addresses") or {}).items()}
        endpoint_results = {}
        for endpoint_id in (request.get("Endpoints") or {}):
            endpoint_results[endpoint_id] = self._to_endpoint(app_id, endpoint_id, configuration)
        answer = {"ApplicationId": app_id, "RequestId": str(uuid.uuid4())}
        if results:
            answer["Result"] = results
        if endpoint_results:
            answer["EndpointResult"] = endpoint_results
        return {"MessageResponse": answer}

    def _to_endpoint(self, app_id: str, endpoint_id: str, configuration: dict) -> dict:
        record = self.state["endpoints"].get(app_id, {}).get(endpoint_id)
        if record is None:
            return _result("PERMANENT_FAILURE", 404, "Endpoint not found")
        if record.get("OptOut") == "ALL":
            return {**_result("OPT_OUT", 400, "The endpoint has opted out"),
                    "Address": record.get("Address")}
        result = self._send_one(app_id, record.get("ChannelType", ""), record.get("Address", ""),
                                configuration)
        return {**result, "Address": record.get("Address")}

    def op_SendUsersMessages(self, p):
        app_id = p["ApplicationId"]
        self._app(app_id)
        request = p["SendUsersMessageRequest"]
        configuration = request.get("MessageConfiguration") or {}
        results = {user_id: {record["Id"]: self._to_endpoint(app_id, record["Id"], configuration)
                             for record in self._user_endpoints(app_id, user_id)}
                   for user_id in (request.get("Users") or {})}
        return {"SendUsersMessageResponse": {"ApplicationId": app_id,
                                             "RequestId": str(uuid.uuid4()),
                                             "Result": results}}

    # -- one-time passwords -----------------------------------------------------------------
    def op_SendOTPMessage(self, p):
        app_id = p["ApplicationId"]
        self._app(app_id)
        request = p["SendOTPMessageRequestParameters"]
        length = int(request.get("CodeLength", 6))
        validity = int(request.get("ValidityPeriod", 15))
        attempts = int(request.get("AllowedAttempts", 3))
        problems = [text for bad, text in (
            (request["Channel"] != "SMS", "Channel must be SMS"),
            (len(request["BrandName"]) > 20, "BrandName is at most 20 characters"),
            (not 5 <= length <= 8, "CodeLength is between 5 and 8"),
            (not 5 <= validity <= 60, "ValidityPeriod is between 5 and 60 minutes"),
            (not 0 < attempts <= 5, "AllowedAttempts is at most 5"),
            (not 1 <= len(request["ReferenceId"]) <= 48, "ReferenceId is 1 to 48 characters"),
            (request.get("Language", "en-US") not in OTP_LANGUAGES,
             "Language is not one of the supported languages"),
        ) if bad]
        if problems:
            raise bad_request("; ".join(problems))
        if not self._enabled(app_id, "SMS"):
            raise bad_request("The SMS channel is not enabled for this project.")
        code = "".join(random.SystemRandom().choice("0123456789") for _ in range(length))
        destination = request["DestinationIdentity"]
        body = f"{code} is your {request['BrandName']} verification code."
        result = self._send_one(app_id, "SMS", destination, {"SMSMessage": {
            "Body": body, "OriginationNumber": request["OriginationIdentity"]}})
        if result["DeliveryStatus"] == "SUCCESSFUL":
            self.state["otp"][f"{app_id}|{request['ReferenceId']}|{destination}"] = {
                "Code": code, "Expires": self.store.now() + validity * 60, "AttemptsLeft": attempts}
            self.events.append({"api": self.API, "note": "one-time password",
                                "applicationId": app_id, "referenceId": request["ReferenceId"],
                                "destinationPhoneNumber": destination, "code": code,
                                "messageId": result.get("MessageId")})
        return {"MessageResponse": {"ApplicationId": app_id, "RequestId": str(uuid.uuid4()),
                                    "Result": {destination: result}}}

    def op_VerifyOTPMessage(self, p):
        app_id = p["ApplicationId"]
        self._app(app_id)
        request = p["VerifyOTPMessageRequestParameters"]
        key = f"{app_id}|{request['ReferenceId']}|{request['DestinationIdentity']}"
        entry = self.state["otp"].get(key)
        valid = False
        if entry and self.store.now() <= entry["Expires"] and entry["AttemptsLeft"] > 0:
            if request["Otp"] == entry["Code"]:
                valid = True
                del self.state["otp"][key]
            else:
                entry["AttemptsLeft"] -= 1
        return {"VerificationResponse": {"Valid": valid}}

    # -- phone number validation ------------------------------------------------------------
    def op_PhoneNumberValidate(self, p):
        from phonenumbers import carrier, geocoder, timezone  # their data loads slowly

        request = p["NumberValidateRequest"]
        original = request.get("PhoneNumber", "")
        region = request.get("IsoCountryCode")
        try:
            parsed = phonenumbers.parse(original, region)
        except phonenumbers.NumberParseException:
            parsed = None
        answer = {"OriginalPhoneNumber": original}
        if region:
            answer["OriginalCountryCodeIso2"] = region
        if parsed is None or not phonenumbers.is_possible_number(parsed):
            return {"NumberValidateResponse": {**answer, "PhoneType": "INVALID",
                                               "PhoneTypeCode": 3}}
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        country = phonenumbers.region_code_for_number(parsed) or region or \
            phonenumbers.region_code_for_country_code(parsed.country_code)
        national = str(parsed.national_number)
        if numbers.simulator(e164):
            phone_type = ("MOBILE", 0)
        elif parsed.country_code == 1 and national[3:6] == "555":
            phone_type = ("OTHER", 4)  # reserved for film and TV
        elif not phonenumbers.is_valid_number(parsed):
            phone_type = ("INVALID", 3)
        else:
            phone_type = _PHONE_TYPES.get(phonenumbers.number_type(parsed), ("OTHER", 4))
        answer.update({"CleansedPhoneNumberE164": e164, "CleansedPhoneNumberNational": national,
                       "CountryCodeIso2": country,
                       "CountryCodeNumeric": str(parsed.country_code),
                       "Country": geocoder.country_name_for_number(parsed, "en") or None,
                       "PhoneType": phone_type[0], "PhoneTypeCode": phone_type[1]})
        name = carrier.name_for_number(parsed, "en")
        if name:
            answer["Carrier"] = name
        if country not in ("US", "CA"):  # AWS no longer returns these for US and Canada
            zones = [z for z in timezone.time_zones_for_number(parsed) if z != "Etc/Unknown"]
            if zones:
                answer["Timezone"] = zones[0]
            city = geocoder.description_for_number(parsed, "en")
            if city and city != answer["Country"]:
                answer["City"] = city
        return {"NumberValidateResponse": {k: v for k, v in answer.items() if v is not None}}
