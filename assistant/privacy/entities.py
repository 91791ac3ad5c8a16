"""The placeholder types the scrubber emits (HIPAA Safe Harbor identifiers in therapy text).

==============  =====================================================================
PERSON          people: clients, family, friends, clinicians (name only, not title)
DATE            every date element but a bare year: "3/14", "the 2nd of June", "March"
LOCATION        cities, towns, neighbourhoods, parks, lakes, trails (below state level)
ADDRESS         street address with unit, or a PO box
ZIP             ZIP and ZIP+4 codes
PHONE           phone and fax numbers, US and international
EMAIL           e-mail addresses
URL             web addresses
IP              IPv4 and IPv6 addresses
MRN             medical record and chart numbers
SSN             US social security numbers
ACCOUNT         account, billing, card and IBAN numbers
HEALTH_PLAN     health-plan member, policy, group, Medicaid and Medicare numbers
LICENSE         licence, certificate, NPI/DEA, passport and plate numbers
DEVICE          device identifiers and serial numbers
AGE             ages over 89
ID              any other number of seven digits or more (an ID of a kind no label told)
ORGANIZATION    employers and schools named in a way that identifies
==============  =====================================================================
"""

PLACEHOLDER_TYPES = (
    "PERSON",
    "DATE",
    "LOCATION",
    "ADDRESS",
    "ZIP",
    "PHONE",
    "EMAIL",
    "URL",
    "IP",
    "MRN",
    "SSN",
    "ACCOUNT",
    "HEALTH_PLAN",
    "LICENSE",
    "DEVICE",
    "AGE",
    "ID",
    "ORGANIZATION",
)

# When overlapping findings merge, the more specific type names the merged span.
_SPECIFIC_FIRST = (
    "ADDRESS", "EMAIL", "URL", "SSN", "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "DEVICE",
    "PHONE", "IP", "ZIP", "DATE", "AGE", "ID", "PERSON", "ORGANIZATION", "LOCATION",
)
PRIORITY = {name: len(_SPECIFIC_FIRST) - rank for rank, name in enumerate(_SPECIFIC_FIRST)}
