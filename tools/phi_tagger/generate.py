"""Labelled training text for the PHI tagger: our own templates filled by a seeded Faker.

Every example is ``{"text": str, "spans": [[start, end, TYPE], ...]}`` with TYPE one of
``LABELS``. The voices are ours (client journals, therapist session notes, text messages,
e-mails, intake forms, generic documents, therapists' questions in shorthand with the terms
of our clinical vocabulary); values come from Faker in many locales, so names, streets,
cities, postal codes and phone numbers follow the world's conventions rather than only the
US ones. Each example may be lower-cased (texting), upper-cased (forms) or have
only its identifiers upper-cased.

Safe Harbor, as the labels apply it: a year alone, a weekday alone, a country or a US state
is not an identifier; a time attached to a date is part of the date; a weekday attached to a
date is part of it. Hard negatives (clinical and psychedelic vocabulary, questionnaire and
drug names, "hope"/"will"/"grace" as words) appear unlabelled beside the identifiers.

The ``train`` and ``dev`` splits use different templates and different seeds, so the dev
figures measure generalisation to unseen sentence shapes, not memory.

    python -m tools.phi_tagger.generate --split dev --n 20 > /tmp/dev.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from functools import cache
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

VOCABULARY = Path(__file__).resolve().parents[2] / "knowledge" / "vocabulary.yaml"
LABELS = ("PERSON", "LOCATION", "ADDRESS", "ZIP", "PHONE", "DATE")
SEEDS = {"train": 20261206, "dev": 7411}
SIZES = {"train": 4000, "dev": 1200}

# Faker locales whose names, places and numbers we borrow (Latin script unless noted).
LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK", "en_PH", "en_AU", "en_CA",
    "es_MX", "es_ES", "es_CO", "es_AR", "fr_FR", "fr_CA", "de_DE", "de_AT", "it_IT", "pt_BR",
    "pt_PT", "nl_NL", "pl_PL", "cs_CZ", "sv_SE", "fi_FI", "tr_TR", "vi_VN", "id_ID", "fil_PH",
    "yo_NG", "ig_NG", "ha_NG", "zu_ZA", "tw_GH", "ro_RO", "hu_HU", "hr_HR", "da_DK", "no_NO",
    "zh_CN", "ja_JP", "ko_KR", "ru_RU", "el_GR", "uk_UA", "ar_AA", "he_IL", "hi_IN", "fa_IR",
)
# Romanised names where the locale offers them (as people write them in English text).
ROMANISED = {"zh_CN", "ja_JP"}
NON_LATIN = {"ko_KR", "ru_RU", "el_GR", "uk_UA", "ar_AA", "he_IL", "hi_IN", "fa_IR"}
NON_LATIN_RATE = 0.12
# Locales whose Faker word lists are real words of the language: quoted speech and phrases
# in other languages and scripts, never a name ("«Мне не страшно»", "mai pen rai").
WORD_LOCALES = (
    "ru_RU", "uk_UA", "ja_JP", "zh_CN", "zh_TW", "el_GR", "he_IL", "ar_AA", "fa_IR", "th_TH",
    "bn_BD", "hy_AM", "vi_VN", "fr_FR", "de_DE", "it_IT", "nl_NL", "pl_PL", "cs_CZ", "da_DK",
    "fil_PH", "az_AZ", "es_ES",
)

# Given names that are also English words, places or months: names only by context.
WORD_NAMES = (
    "Hope", "Will", "Grace", "Joy", "Faith", "Rose", "June", "May", "Dawn", "Sky", "River",
    "Summer", "Autumn", "Ivy", "Jade", "Hunter", "Mercy", "Sunny", "Mark", "Bill", "Frank",
    "Ray", "Georgia", "Paris", "Jordan", "Florence", "Austin", "Dallas", "Chelsea", "Sydney",
    "Victoria", "Kenya", "India", "Asia", "Brooklyn", "Aurora", "Star", "Page", "Rich", "Chase",
    "Destiny", "Harmony", "Charity", "Honor", "Patience", "Trinity", "Amber", "Crystal", "Cliff",
)
WORD_SURNAMES = ("Black", "Green", "Brown", "Young", "Hill", "Rivers", "Stone", "Moody", "Gay", "Bliss")

STATES = (
    "California", "Texas", "Oregon", "Washington State", "New York State", "Colorado", "Florida",
    "Ohio", "Vermont", "New Mexico", "North Carolina", "Arizona", "CA", "TX", "OR", "NY", "WA",
)
COUNTRIES = (
    "Portugal", "Nigeria", "India", "Mexico", "Canada", "Germany", "Brazil", "Japan", "Kenya",
    "Vietnam", "the Philippines", "Poland", "Ireland", "Peru", "Ghana", "Turkey", "Iran", "the UK",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SCALES = ("PHQ-9", "GAD-7", "PCL-5", "C-SSRS", "MADRS", "ACE", "DES-II", "BDI-II", "QIDS", "EBI", "MEQ-30")
DRUGS = (
    "ketamine", "esketamine", "Spravato", "psilocybin", "MDMA", "sertraline", "Lexapro",
    "lamotrigine", "Wellbutrin", "propranolol", "ondansetron", "Zofran", "lithium", "naltrexone",
)
VOCAB = (
    "ego dissolution", "the void", "oceanic boundlessness", "a k-hole", "set and setting",
    "the dissociation", "somatic release", "my inner child", "the parts work", "grief",
    "the integration circle", "the preparation session", "the eye mask", "the playlist",
    "a felt sense of safety", "the Default Mode Network", "Source", "the Divine Mother",
    "my Higher Self", "the Light", "the Void", "Spirit", "the Universe",
)

TIMES = ("3pm", "3:30 PM", "10:15", "9 am", "14:00", "noon", "7:45pm", "11h30")


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]

    def to_json(self) -> dict:
        return {"text": self.text, "spans": [list(s) for s in self.spans]}


# ------------------------------------------------------------------ templates
# {slot} is labelled by its type; a trailing digit names another person or place
# ({first2}). Unlabelled fillers: {state} {country} {year} {weekday} {scale} {drug}
# {vocab} {number}.

TRAIN_TEMPLATES = {
    "journal": [
        "{date}. Session four. I kept thinking about {first} and how {first}'s voice sounded on the phone.",
        "woke up early and walked down {street} to the bakery. {vocab} still lingered from yesterday.",
        "Called {first} tonight. She is still in {city} and wants me to visit before {date}.",
        "My mother {name} never understood why I left {city} for {country}.",
        "Today I felt hope for the first time in months. {first2} said I looked lighter.",
        "In {year} I moved to {city}; my sister {first} stayed behind in {city2}.",
        "{weekday} was hard. {first} and {first2} came over, and {last} brought soup.",
        "I dreamt of my grandfather {name} and his house at {street}, {city}.",
        "The {drug} session felt like {vocab}. Afterwards {first} drove me home to {city}.",
        "Met {first} at the park near {street}. We talked until {datetime}.",
        "{first}'s birthday is {date}. I want to call but I will wait.",
        "It took every ounce of will to get up. {first} texted twice.",
        "I keep going back to the summer in {city} with {first}, {first2} and {first3}.",
        "Grace is a word {first} used a lot. I felt it today, or something like it.",
        "My {scale} score dropped again. {first} is proud of me, and so am I.",
        "Flew to {city} on {date} to see {name}. The airport was chaos.",
        "Wrote a letter to {name} I will never send. {vocab} made it easier.",
    ],
    "note": [
        "Client {name} (DOB {dob}) attended session 3 of 6. {scale} 14, down from 19.",
        "Pt reports conflict with partner {first} over the move to {city}. No SI.",
        "Integration session with {name}. Discussed {vocab}; client tearful when naming {first2}.",
        "Collateral call with client's brother, {name}, on {datetime}. Consent on file.",
        "{last}, {first}: {drug} prep visit. Lives with {first2} at {street}, {city} {zip}.",
        "Session note {date}. Client described {vocab} and a sense of grace. Plan: continue weekly.",
        "Referred by Dr. {last} ({city}). Emergency contact: {name}, {phone}.",
        "{scale} and {scale2} administered. Client endorsed hope about the next {weekday}.",
        "Supervision with {name} re: client's move from {country} in {year}.",
        "Pt {name_only} will return on {date} for the second {drug} session.",
        "CLIENT: {name}. REFERRAL: self. HOME: {city}, {state}. NEXT: {date}.",
        "Family session included {first}, her father {name2}, and stepmother {first3}.",
    ],
    "text": [
        "hey its {first} lol. new number {phone}",
        "can u pick me up at {street} at 6",
        "omw to {city}, call me at {phone} if ur lost",
        "{first} and {first2} are coming {weekday}, bring snacks",
        "running late!! see u {date}",
        "tell {first} i said happy bday. we're in {city} till {date}",
        "my address is {street}, {zip} {city}",
        "will do. grace is sleeping, talk later",
        "this is {name}, i got ur number from {first}",
        "ok i will. {first} says hi from {country}",
    ],
    "email": [
        "Dear {name},\n\nThank you for your message of {date}. Our {city} office is at {street}.\n\nBest,\n{first2}",
        "Hi {first},\nCan we move our call to {datetime}? My mobile is {phone}.\nThanks, {name2}",
        "From: {name}\nTo: {name2}\nSubject: Rescheduling\n\nI will be away in {country} until {date}.",
        "Please post the forms to {name}, {street}, {city} {zip}. Kind regards, {first2} {last2}",
        "Hello Dr. {last}, I was referred by {name} in {city}. You can reach me on {phone}.",
        "{first}, attached is the {scale} you asked for. Regards, {name2}",
    ],
    "form": [
        "Name: {name}\nDate of birth: {dob}\nAddress: {street}\nCity: {city}\nPostal code: {zip}\nPhone: {phone}",
        "Full name: {name} | Mobile: {phone} | Email: {email}",
        "Emergency contact: {name} ({relation}) - {phone}",
        "Preferred name: {first}\nPronouns: they/them\nPrimary care: Dr. {name2}",
        "Mailing address: {street}, {city}, {zip}, {country}",
        "Have you used {drug} before? Yes. When: {year}. Where: {city}.",
        "Next of kin: {name}\nRelationship: {relation}\nTelephone: {phone}",
        "SURNAME: {last}\nGIVEN NAMES: {first}\nDATE OF BIRTH: {dob}\nPOSTCODE: {zip}",
    ],
    "document": [
        "This agreement is made on {date} between {name} of {street}, {city} {zip} and the clinic.",
        "Invoice for services, {date}. Bill to: {name}, {street}, {city}.",
        "Meeting minutes ({date}): present were {name}, {name2} and {name3}.",
        "The workshop in {city} runs every {weekday} from {year}. Contact {name} on {phone}.",
        "{scale}, {scale2} and {scale3} are validated measures; {drug} is not a cure.",
        "Shipping to {city}, {country}: postal code {zip}, phone {phone}.",
    ],
    "question": [
        "pt w/ {shorthand} hx, {shorthand2} after tx - how do i start integration?",
        "{first} keeps bringing up {shorthand} post session, {shorthand2} or {vocab} first?",
        "how to explain {shorthand} to a client who just moved from {country}",
        "quick q: {shorthand} and {drug}, what does the research say re {shorthand2}",
        "client {first} ({country}) asks about {vocab}; any handout on {shorthand}?",
        "{shorthand} {shorthand2} {drug} - integration ideas??",
        "mi paciente {first} tiene {shorthand}, que hago en la integracion con {shorthand2}?",
        "shld i use {shorthand} w/ {first} this wk or wait til f/u",
        "{shorthand} vs {shorthand2} for a pt from {country} who dissociates after {drug}",
        "minha cliente fala de {shorthand} depois da sessão, como trabalho {shorthand2}?",
        "best way to document {shorthand} for the prescriber after {first}'s session on {date}?",
        "Client reports {shorthand2}; {scale} up since {weekday}. {shorthand} plan?",
    ],
    "negative": [
        "{vocab} arrived about twenty minutes in, then {vocab2}.",
        "I have hope. I will keep going. Grace comes in small moments.",
        "{scale} 11, {scale2} 8. No change since {weekday}.",
        "Every {weekday} in {year} felt the same; {country} felt far away.",
        "We talked about {drug}, {vocab} and the fear of losing control.",
        "The Will to live, the Hope of healing: the book calls them the two engines.",
        "Session 2 of 6. Music: ambient. Eye mask on. {vocab}.",
        "I grew up between {country} and {country2}, then {state}.",
        "My mom says spring is the hardest season. Dad agrees.",
        "Screening: {scale} negative; {scale2} 42. Follow up in {number} weeks.",
        "It was like {vocab}, like I was the ocean and the ocean was me.",
        'Afterwards she said "{foreign}" and laughed.',
        "Quote after the session: «{foreign}» {scale} 14.",
        "He kept repeating 「{phrase}」 during the peak.",
        "In her first language: {foreign} {foreign2}",
        "{name} wrote on {date}: \"{foreign}\" (I miss her).",
        "Closing words were '{phrase}'. Homework: {vocab}.",
        "i still think in {phrase} when it gets dark. {foreign}",
    ],
}

DEV_TEMPLATES = {
    "journal": [
        "Last night {first} stayed over. We watched the river from {street} until {datetime}.",
        "I can't stop thinking about what {name} said at dinner in {city}.",
        "{first2} and I took the train to {city} on {date}; {vocab} felt close again.",
        "Note to self: write back to {first}'s letter before {weekday}.",
        "Hope is not a plan, {first} likes to say. {first2} disagrees.",
    ],
    "note": [
        "Pt seen {date}. Partner {name} present for the first half. {scale} 9.",
        "{name_only} reports sleeping better since moving to {street}, {city} {zip}.",
        "Safety plan reviewed; crisis contact is her aunt {name}, {phone}.",
        "Client described {vocab} during the {drug} session on {datetime}.",
    ],
    "text": [
        "yo {first} where r u, im outside {street}",
        "{first} said {city} was lit, we should go {date}",
        "new phone who dis. jk its {first}, save {phone}",
    ],
    "email": [
        "Good morning {first},\nI will be in {city} on {date}. Could you call me on {phone}?\n{name2}",
        "Re: intake\nMy details: {name}, {street}, {zip} {city}. Thanks!",
    ],
    "form": [
        "Patient name: {name}\nBorn: {dob}\nResidence: {street}, {city}\nPost code: {zip}\nCell: {phone}",
        "Contact person: {name} | tel. {phone} | city: {city}",
    ],
    "document": [
        "Signed in {city} on {date} by {name} and witnessed by {name2}.",
        "Return address: {name}, {street}, {city} {zip}, {country}.",
    ],
    "question": [
        "{first} on {date}: {shorthand} again after {drug}. is {shorthand2} a fit or too much?",
        "any {shorthand} resources in spanish for a family from {country}",
    ],
    "negative": [
        "The {scale} and the {scale2} were both lower this {weekday}; {vocab} again.",
        "Grace and will, my teacher said, are the same thing seen from two sides.",
        "In {year} I lived in {country}; now I live in {state}.",
    ],
}

RELATIONS = ("mother", "father", "sister", "brother", "partner", "wife", "husband", "friend", "son", "daughter")
DATE_FORMATS = (
    "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%d %b", "%b %d",
    "%B %d", "%A, %B %d", "%A %d %B", "the {ord} of %B", "%B {ord}", "%d-%m-%y", "%m/%d",
    "%B", "%d %B",
)
CASE_MODES = (("asis", 0.55), ("lower", 0.17), ("upper_all", 0.08), ("upper_ids", 0.12), ("lower_ids", 0.08))
_SLOT = re.compile(r"\{([a-z_]+?)(\d?)\}")


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


class Filler:
    """Seeded values for template slots: (label or None, text)."""

    def __init__(self, seed: int):
        from faker import Faker

        self.rng = random.Random(seed)
        self.fakers = {}
        for index, locale in enumerate(LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed + index)
            self.fakers[locale] = fake
        self.word_fakers = []
        for index, locale in enumerate(WORD_LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed + len(LOCALES) + index)
            self.word_fakers.append(fake)

    def _locale(self) -> str:
        if self.rng.random() < NON_LATIN_RATE:
            return self.rng.choice(sorted(NON_LATIN))
        return self.rng.choice([loc for loc in LOCALES if loc not in NON_LATIN])

    def _call(self, locale: str, method: str) -> str:
        fake = self.fakers[locale]
        try:
            value = getattr(fake, method)()
        except (AttributeError, KeyError, ValueError):
            value = getattr(self.fakers["en_GB"], method)()
        return " ".join(str(value).replace("\n", ", ").split())

    def person(self) -> tuple[str, str]:
        locale = self._locale()
        if self.rng.random() < 0.08:
            first = self.rng.choice(WORD_NAMES)
        elif locale in ROMANISED:
            first = self._call(locale, "first_romanized_name")
        else:
            first = self._call(locale, "first_name")
        if self.rng.random() < 0.05:
            last = self.rng.choice(WORD_SURNAMES)
        elif locale in ROMANISED:
            last = self._call(locale, "last_romanized_name")
        else:
            last = self._call(locale, "last_name")
        return first, last

    def date(self, born: bool = False, with_time: bool = False) -> str:
        start = date(1935, 1, 1) if born else date(2019, 1, 1)
        span = (date(2006, 12, 31) if born else date(2027, 12, 31)) - start
        day = start + timedelta(days=self.rng.randrange(span.days))
        pattern = self.rng.choice(DATE_FORMATS).replace("{ord}", _ordinal(day.day))
        if born and "%Y" not in pattern and "%y" not in pattern:
            pattern = "%d/%m/%Y"
        text = datetime(day.year, day.month, day.day).strftime(pattern)
        text = re.sub(r"(?<=\s)0(?=\d)", "", text)
        if with_time:
            text += self.rng.choice((" at ", " ", ", ")) + self.rng.choice(TIMES)
        return text

    def values(self) -> dict[str, tuple[str | None, str]]:
        rng, first, last = self.rng, *self.person()
        loc = self._locale() if rng.random() < 0.5 else rng.choice(LOCALES[:40])
        name = f"{first} {last}"
        if rng.random() < 0.08:
            name = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
        return {
            "name": ("PERSON", name),
            "name_only": ("PERSON", name),
            "first": ("PERSON", first),
            "last": ("PERSON", last),
            "city": ("LOCATION", self._call(loc, "city")),
            "street": ("ADDRESS", self._call(loc, "street_address")),
            "zip": ("ZIP", self._call(loc, "postcode")),
            "phone": ("PHONE", self._phone(loc)),
            "email": (None, self._call(loc, "email")),
            "date": ("DATE", self.date()),
            "dob": ("DATE", self.date(born=True)),
            "datetime": ("DATE", self.date(with_time=True)),
            "state": (None, rng.choice(STATES)),
            "country": (None, rng.choice(COUNTRIES if rng.random() < 0.5 else _world_countries())),
            "shorthand": (None, rng.choice(clinical_terms())),
            "year": (None, str(rng.randint(1975, 2027))),
            "weekday": (None, rng.choice(WEEKDAYS)),
            "scale": (None, rng.choice(SCALES)),
            "drug": (None, rng.choice(DRUGS)),
            "vocab": (None, rng.choice(VOCAB)),
            "relation": (None, rng.choice(RELATIONS)),
            "number": (None, str(rng.randint(2, 12))),
            "foreign": (None, self._foreign(rng.randint(3, 9))),
            "phrase": (None, self._foreign(rng.randint(1, 3)).rstrip(".。।")),
        }

    def _foreign(self, words: int) -> str:
        """A sentence of real words in another language or script."""
        return self.rng.choice(self.word_fakers).sentence(nb_words=words)

    def _phone(self, locale: str) -> str:
        if self.rng.random() < 0.3:
            return self._call(locale, "msisdn") if self.rng.random() < 0.3 else (
                "+" + str(self.rng.randint(20, 98)) + " " + " ".join(
                    str(self.rng.randint(100, 999)) for _ in range(3)))
        return self._call(locale, "phone_number")


@cache
def clinical_terms() -> tuple[str, ...]:
    """How therapists write about their work (``knowledge/vocabulary.yaml``: abbreviations,
    clinical terms, and how clinicians say them in English, Spanish, Portuguese and French):
    never PHI, however a question is typed."""
    raw = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))
    terms = {str(entry["short"]) for entry in raw["abbreviations"]}
    for concept in raw["concepts"]:
        terms |= {str(term) for term in concept["terms"] + concept.get("said_as", [])}
    return tuple(sorted(terms))


@cache
def _world_countries() -> tuple[str, ...]:
    """Country names in the languages of our clients' and clinicians' texts."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    return tuple(sorted({
        names[language] for names in LOCALE_DATA.values()
        for language in ("aa", "es", "pt", "fr", "de", "it")
        if language in names and not names[language].startswith("*")
    }))


def _case_mode(rng: random.Random, voice: str) -> str:
    if voice in ("text", "question") and rng.random() < 0.6:
        return "lower"
    if voice == "form" and rng.random() < 0.3:
        return "upper_all"
    draw, total = rng.random(), 0.0
    for mode, weight in CASE_MODES:
        total += weight
        if draw < total:
            return mode
    return "asis"


def _recase(value: str, mode: str, labelled: bool) -> str:
    if mode == "lower" or (mode == "lower_ids" and labelled):
        return value.lower()
    if mode == "upper_all" or (mode == "upper_ids" and labelled):
        return value.upper()
    return value


def render(template: str, filler: Filler, voice: str) -> Example:
    """Fill one template; every slot with a digit suffix draws a fresh value."""
    rng = filler.rng
    mode = _case_mode(rng, voice)
    pools: dict[str, dict] = {}
    text, spans, cursor = "", [], 0
    for match in _SLOT.finditer(template):
        text += _recase(template[cursor : match.start()], mode, False)
        slot, key = match.group(1), match.group(2) or "1"
        if key not in pools:
            pools[key] = filler.values()
        label, value = pools[key][slot]
        value = _recase(value, mode, label is not None)
        if label:
            spans.append((len(text), len(text) + len(value), label))
        text += value
        cursor = match.end()
    text += _recase(template[cursor:], mode, False)
    return Example(text, tuple(spans))


def generate(split: str, n: int | None = None, seed: int | None = None) -> list[Example]:
    """``n`` examples of ``split`` ("train" or "dev"), reproducible from ``seed``."""
    templates = TRAIN_TEMPLATES if split == "train" else DEV_TEMPLATES
    filler = Filler(SEEDS[split] if seed is None else seed)
    flat = [(voice, t) for voice, group in sorted(templates.items()) for t in group]
    examples = []
    for _ in range(SIZES[split] if n is None else n):
        voice, template = filler.rng.choice(flat)
        examples.append(render(template, filler, voice))
    return examples


def data_digest(split: str = "train", n: int | None = None, seed: int | None = None) -> str:
    """sha256 of this generator's source and its parameters: changes whenever the data would."""
    params = {"split": split, "n": SIZES[split] if n is None else n,
              "seed": SEEDS[split] if seed is None else seed}
    source = Path(__file__).read_bytes() + VOCABULARY.read_bytes()
    return hashlib.sha256(source + json.dumps(params, sort_keys=True).encode()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SEEDS), default="train")
    parser.add_argument("--n", type=int)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    for example in generate(args.split, args.n, args.seed):
        sys.stdout.write(json.dumps(example.to_json(), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
