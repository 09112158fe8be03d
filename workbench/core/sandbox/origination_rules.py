"""What each origination identity type can do in which country, as AWS End User Messaging
SMS offers it (the rules the sandbox holds a request or a send to).

Sources, AWS End User Messaging SMS User Guide:
- "Requesting dedicated long codes" (phone-numbers-long-code): "In other countries,
  including the United States, senders are prohibited from using long codes to send
  Application-to-Person (A2P) messages": a US long code sends voice, not SMS or MMS
  (US text goes from 10DLC, toll-free or short code numbers).
- "Get a phone number" (nx-sms-get-set-up-identities): 10DLC is the United States' local
  number type; toll-free numbers are available in the United States and Canada.
"""

from __future__ import annotations

from workbench.core.sandbox.smsv2_errors import validation

# number type -> the only countries that have it (types not listed: any country)
NUMBER_TYPE_COUNTRIES = {"TEN_DLC": frozenset({"US"}), "TOLL_FREE": frozenset({"US", "CA"})}
# (country, number type) -> the channels it cannot send on there
NOT_FOR_CHANNELS = {("US", "LONG_CODE"): frozenset({"TEXT", "MEDIA"})}
_CHANNEL_WORDS = {"TEXT": "SMS", "MEDIA": "MMS", "VOICE": "voice"}


def check_request(country: str, number_type: str) -> None:
    """Refuse a phone number type the country does not have."""
    countries = NUMBER_TYPE_COUNTRIES.get(number_type)
    if countries is not None and country not in countries:
        raise validation("INVALID_PARAMETER", f"{number_type} numbers are available only in "
                         f"{', '.join(sorted(countries))}, not {country}.", "NumberType")


def check_send(channel: str, origin: dict, dest_country: str | None) -> None:
    """Refuse a send the identity's type cannot make to that destination."""
    country = origin.get("IsoCountryCode")
    if channel in NOT_FOR_CHANNELS.get((country, origin.get("NumberType")), ()) and dest_country == country:
        raise validation("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
                         f"{origin.get('PhoneNumber')} is a {country} long code: it cannot send "
                         f"{_CHANNEL_WORDS[channel]} messages to {country} destinations (use a 10DLC, "
                         "toll-free or short code number).", "OriginationIdentity")
