"""Table tests per recognizer, through the real analyzer: positives, and `# no match` rows."""

from __future__ import annotations

import pytest

POSITIVES = [
    # (text, type, value that must be scrubbed, whole)
    ("Session on March 3rd went well.", "DATE", "March 3rd"),
    ("Her father died on the 2nd of June.", "DATE", "the 2nd of June"),
    ("We spoke on 3/14 about sleep.", "DATE", "3/14"),
    ("DOB 07/22/1986, seen today.", "DATE", "07/22/1986"),
    ("It happened last Tuesday the 4th.", "DATE", "Tuesday the 4th"),
    ("Born 1986-07-22 in winter.", "DATE", "1986-07-22"),
    ("Her party is on the 21st.", "DATE", "the 21st"),
    ("I felt it back in March too.", "DATE", "March"),
    ("Grandpa would be 93 this year.", "AGE", "93"),
    ("She is a 97-year-old retired nurse.", "AGE", "97"),
    ("Mail goes to 2218 Caldwell Ave, Apt 5C now.", "ADDRESS", "2218 Caldwell Ave, Apt 5C"),
    ("Send it to PO Box 2281 please.", "ADDRESS", "PO Box 2281"),
    ("She lives in Oakland, CA 94606 now.", "ZIP", "94606"),
    ("Call me at (503) 555-0143 tonight.", "PHONE", "(503) 555-0143"),
    ("Fax +1 (971) 555-0199 attn records.", "PHONE", "+1 (971) 555-0199"),
    ("Her cell is +55 11 98765-4321.", "PHONE", "+55 11 98765-4321"),
    ("Reach him at 917.555.0128 ext. 3 today.", "PHONE", "917.555.0128 ext. 3"),
    # grouped digits: local numbers of many countries, next to a contact word
    ("You can reach me on 612 448 903 after six.", "PHONE", "612 448 903"),
    ("Her mobile: (41) 652-118, evenings only.", "PHONE", "(41) 652-118"),
    ("Call 8341 2276 if she misses the session.", "PHONE", "8341 2276"),
    ("Phone +44 7700 900456 is her partner's.", "PHONE", "+44 7700 900456"),
    ("Tel. 030 2874 1190 (office).", "PHONE", "030 2874 1190"),
    ("Write to seun.adeyemi@gmail.com soon.", "EMAIL", "seun.adeyemi@gmail.com"),
    ("See https://portal.example.org/msg/88213 for it.", "URL", "https://portal.example.org/msg/88213"),
    ("Login from 73.152.8.201 dropped.", "IP", "73.152.8.201"),
    ("Chart note, MRN 00481127, reviewed.", "MRN", "00481127"),
    ("Chart MR-7730412 was updated.", "MRN", "MR-7730412"),
    ("SSN 512-48-9307 on file.", "SSN", "512-48-9307"),
    ("Account #40019-2273 has a balance.", "ACCOUNT", "40019-2273"),
    ("Member ID XKB448219063 verified.", "HEALTH_PLAN", "XKB448219063"),
    ("Medicaid number is OR88210457 as of now.", "HEALTH_PLAN", "OR88210457"),
    ("Driver's license D4471209 scanned.", "LICENSE", "D4471209"),
    ("Prescriber NPI 1487726390 confirmed.", "LICENSE", "1487726390"),
    ("CPAP serial G6-4471823 was replaced.", "DEVICE", "G6-4471823"),
    ("I keep hearing Dr. Alvarez in my head.", "PERSON", "Alvarez"),
    ("Referred by Amira Haddad, LCSW, last month.", "PERSON", "Amira Haddad"),
    ("i told jess about the session.", "PERSON", "jess"),
    ("Intake: OLUWASEUN ADEYEMI, charge nurse.", "PERSON", "OLUWASEUN ADEYEMI"),
    ("Client Marisol Quintero-Vega arrived early.", "PERSON", "Marisol Quintero-Vega"),
    ("Fax to Siobhan O'Connor today.", "PERSON", "Siobhan O'Connor"),
    ("Later Hope says that's the point.", "PERSON", "Hope"),
    ("Yesterday Will texted twice.", "PERSON", "Will"),
    ("May came with me to the clinic.", "PERSON", "May"),
    ("My sister Anjali will drive her.", "PERSON", "Anjali"),
    ("She works as a nurse at St. Brigid Medical Center.", "ORGANIZATION", "St. Brigid Medical Center"),
    ("He teaches at Roosevelt High School.", "ORGANIZATION", "Roosevelt High School"),
    ("We walked the Wildwood Trail at dusk.", "LOCATION", "Wildwood Trail"),
    ("I drove out to Bodega Bay alone.", "LOCATION", "Bodega Bay"),
    ("I keep driving to the Harlow Street Bridge at night.", "LOCATION", "Harlow Street Bridge"),
]

NEGATIVES = [
    "I hope the next session is gentler.",  # no match: hope as a verb
    "I will try again, and you may call it progress.",  # no match
    "Reported PHQ-9 of 14 and GAD-7 of 8.",  # no match: scales are not dates or phones
    "The K-hole felt like falling through a library.",  # no match
    "We talked about Spravato, ketamine and MDMA trials.",  # no match
    "IFS parts work and EMDR helped with the PTSD.",  # no match
    "Journal entry. Email and DOB fields were left blank.",  # no match: form words
    "She moved to Oregon from Texas in 2019.",  # no match: states and a bare year
    "Half the time, about 1/2 of the session, I cried.",  # no match: a fraction
    "We meet 3 days a week for 12 weeks.",  # no match: counts
    "She is 45 and feels ready.",  # no match: ages under 90 are not identifiers
    "I slept on Tuesday and felt better.",  # no match: a bare weekday
    "Call me when scores drop: 14 12 9 so far.",  # no match: short groups are scores
    "Phone calls were hard in 2019 2020 and 2021.",  # no match: years side by side
    "Call notes: session 3 of 6, SUDS 40 to 20.",  # no match: counts and ratings
    "We walked over the bridge and past the station.",  # no match: unnamed structures
]


@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_when_identifier_in_text_then_it_is_scrubbed_with_its_type(found, text, kind, value):
    spans = found(text)
    covering = [(k, v) for k, v in spans if value in v]
    assert covering, f"{kind} not found; got {spans}"
    assert any(k == kind for k, _ in covering), f"wrong type: {covering}"


@pytest.mark.parametrize("text", NEGATIVES)
def test_when_clinical_or_plain_text_then_nothing_is_scrubbed(found, text):
    assert found(text) == []


def test_when_same_value_twice_then_both_mentions_are_found(found):
    spans = found("jess called. Later jess texted.")
    assert [v for _, v in spans] == ["jess", "jess"]
