"""Phone-number facts the sandbox needs, offline: E.164 parsing and countries (the
`phonenumbers` library's numbering data), AWS's destination simulator numbers, made-up but
stable numbers for requested phone numbers, message parts and prices.

Destination simulator numbers: AWS End User Messaging SMS User Guide, "Simulator phone
numbers" (https://docs.aws.amazon.com/sms-voice/latest/userguide/test-phone-numbers.html),
one number per country that produces a success event and one that produces a failure event.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import phonenumbers

# country: (success, failure)
DESTINATION_SIMULATORS = {
    "US": ("+14254147755", "+14254147167"),
    "AU": ("+61455944038", "+61455944039"),
    "AT": ("+43676800442031", "+43676800442032"),
    "BE": ("+32460213922", "+32460213923"),
    "CL": ("+56229140630", "+56229140631"),
    "CZ": ("+420790542286", "+420790542287"),
    "DK": ("+4525919410", "+4525919215"),
    "EE": ("+37282720792", "+37282720793"),
    "FI": ("+3584573979110", "+3584573979111"),
    "FR": ("+33755512501", "+33755512502"),
    "HK": ("+85257048426", "+85257048854"),
}
ORIGINATION_SIMULATOR_COUNTRIES = ("US",)  # "currently supports ... in the United States"

# Countries where a sender ID must be registered before it can send (a small, known set).
SENDER_ID_REGISTRATION_COUNTRIES = frozenset({"IN", "SA", "AE", "QA", "PH", "VN", "TH", "KE"})
# Countries whose carriers do not accept alphanumeric sender IDs.
NO_SENDER_ID_COUNTRIES = frozenset({"US", "CA", "BR", "CN", "PR"})

TEXT_PRICE_USD = 0.00581  # per message part, one price for every country in the sandbox
VOICE_PRICE_PER_MINUTE_USD = 0.013
MEDIA_PRICE_USD = 0.0200
MONTHLY_LEASE = {"LONG_CODE": "1.00", "TOLL_FREE": "2.00", "TEN_DLC": "2.00",
                 "SIMULATOR": "0.00", "SHORT_CODE": "995.00"}

_GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOP"
            "QRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€")


@dataclass(frozen=True)
class Simulator:
    country: str
    succeeds: bool


def simulator(number: str) -> Simulator | None:
    for country, (success, failure) in DESTINATION_SIMULATORS.items():
        if number == success:
            return Simulator(country, True)
        if number == failure:
            return Simulator(country, False)
    return None


def parse_e164(number: str) -> phonenumbers.PhoneNumber | None:
    """The number if it is a plausible E.164 number (+, country code, digits), else None."""
    if not isinstance(number, str) or not number.startswith("+"):
        return None
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


def country_of(number: str) -> str | None:
    if simulator(number):
        return simulator(number).country
    parsed = parse_e164(number)
    return phonenumbers.region_code_for_number(parsed) if parsed else None


# US and Canadian numbers: 555-0100..0199 (reserved for fiction) first, then the rest of the
# 555 exchange under these area codes: about 150,000 numbers, where AWS sets no limit either.
_NANP_AREAS = {"US": ("206", "425", "253", "360", "509", "212", "415", "512", "617", "702", "303", "404", "305",
                      "312", "213"),
               "CA": ("604", "416", "514", "403", "613")}
_TOLL_FREE_AREAS = ("888", "877", "866", "855", "844", "833")


def new_number(country: str, number_type: str, taken) -> str:
    """A valid-looking number of `country` not in `taken` (anything with `in`)."""
    rng = random.Random()
    code = phonenumbers.country_code_for_region(country)
    if country in ("US", "CA"):
        areas = _TOLL_FREE_AREAS if number_type == "TOLL_FREE" else _NANP_AREAS[country]
        for _ in range(200):  # the fictional range while it has room
            candidate = f"+1{areas[0]}55501{rng.randrange(100):02d}"
            if candidate not in taken:
                return candidate
        for _ in range(10_000):
            candidate = f"+1{rng.choice(areas)}555{rng.randrange(10_000):04d}"
            if candidate not in taken:
                return candidate
        raise RuntimeError("no free number")
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number) if example else "7000000000"
    for digits in range(4, min(8, len(national) - 1) + 1):  # widen the random tail as the country fills
        for _ in range(1000):
            candidate = f"+{code}{national[:-digits]}{rng.randrange(10 ** digits):0{digits}d}"
            if candidate not in taken:
                return candidate
    raise RuntimeError("no free number")


def message_parts(body: str) -> tuple[str, int]:
    """(encoding, parts): GSM-7 160/153 characters a part, else UCS-2 70/67."""
    if all(char in _GSM7 for char in body):
        single, multi, encoding = 160, 153, "GSM"
    else:
        single, multi, encoding = 70, 67, "UCS2"
    if len(body) <= single:
        return encoding, 1
    return encoding, -(-len(body) // multi)
