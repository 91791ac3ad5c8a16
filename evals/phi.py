"""PHI scrubbing evaluation: recall, precision and leaks per type, ours beside Presidio's default.

Held-out suites, each written by a separate author who never saw the recognizers, the
tagger or its generator, committed before any tuning and scored once per round:
``therapy-heldout`` (therapy journals and notes), ``generic-heldout`` (generic international
text from the author's own generator and templates, 31 locales) and ``obfuscated-heldout``
(identifiers hidden with Unicode tricks). Dev suites (tuned on, not estimates):
``journal-dev`` and ``journal-v1`` (written by the team) and ``generated-dev`` (our own
templates). Labels follow the Safe Harbor convention (a year alone, a weekday, a country or
a state is not an identifier). An identifier is *caught* only when every alphanumeric
character of it is covered by a scrubbed span; otherwise it *leaks*. A predicted span is
correct when it overlaps any labelled identifier. Reports hold counts, ids and offsets,
never a value.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from assistant.cli.scrub import BATCH  # batched as `kap scrub` batches a file
from assistant.config import Settings
from assistant.privacy.scrubber import PresidioScrubber
from assistant.privacy.config import load_privacy_config
from assistant.privacy.engine import build_baseline_analyzer

DATA = Path(__file__).parent / "data" / "phi"
CRITICAL = ("EMAIL", "PHONE", "MRN", "SSN")
Span = tuple[int, int, str]
Predict = Callable[[list[str]], list[list[Span]]]

# ---------------------------------------------------------------- generated cases

DEV_TEMPLATES = [
    "Patient: {name}\nDOB: {dob}\nAddress: {street}, {city}, {state} {zip}\nPhone: {phone}\nEmail: {email}",
    "Hi, my name is {name} and I live at {street} in {city}. You can reach me at {phone}.",
    "{name} (SSN {ssn}) was seen on {date} by Dr. {last}.",
    "Please update account {account} for {name}; the new billing address is {street}, {city}, {state} {zip}.",
    "Member ID {plan} - subscriber {name}, DOB {dob}.",
    "Send the records to {email} or fax {phone}. Ref MRN {mrn}.",
    "I had coffee with {first} on {date} and we talked about my job at {company}.",
    "{first_lower} came over again. we sat on the porch until midnight and talked about the ketamine session.",
    "Contact {name_upper} at {phone} regarding the {date} appointment.",
    "Login from {ip} at {url} flagged for user {email}.",
    "My grandmother {first} is {age} and still lives in {city}.",
    "Driver's license {license} issued to {name}, {street}.",
    "Device serial {device} assigned to {name} on {date}.",
    "{name} teaches at {school} and moved to {city} on {date}.",
    "Session with {name}: discussed integration and the IFS parts work; next visit {date}. "
    "Emergency contact {first}, {phone}.",
]
NAME_LOCALES = ["en_US", "en_GB", "en_IE", "es_ES", "nl_NL", "sv_SE", "pt_BR", "id_ID", "pl_PL"]
DATE_FORMATS = [
    "%m/%d/%Y", "%B %d, %Y", "%b %d", "%d %B %Y", "%m/%d", "%Y-%m-%d", "%A, %B %d", "%B %d",
    "%m-%d-%Y", "the {ordinal} of %B",
]
AGES = ["90", "91", "93", "95", "97", "99", "101", "ninety-two", "104"]


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _slots(fake, rng: random.Random) -> dict[str, tuple[str | None, str]]:
    """One person's worth of values: slot -> (label type or None, text)."""
    local = fake[rng.choice(NAME_LOCALES)]
    first, last = local.first_name(), local.last_name()
    when = fake.date_between(date(2015, 1, 1), date(2026, 12, 31))
    born = fake.date_between(date(1930, 1, 1), date(2005, 12, 31))

    def fmt(day: date) -> str:
        pattern = rng.choice(DATE_FORMATS).replace("{ordinal}", _ordinal(day.day))
        return day.strftime(pattern).replace(" 0", " ")

    us = fake["en_US"]
    return {
        "name": ("PERSON", f"{first} {last}"),
        "first": ("PERSON", first),
        "last": ("PERSON", last),
        "first_lower": ("PERSON", first.lower()),
        "name_upper": ("PERSON", f"{first} {last}".upper()),
        "date": ("DATE", fmt(when)),
        "dob": ("DATE", fmt(born)),
        "street": ("ADDRESS", us.street_address()),
        "city": ("LOCATION", us.city()),
        "state": (None, us.state_abbr()),
        "zip": ("ZIP", us.zipcode_plus4() if rng.random() < 0.2 else us.zipcode()),
        "phone": ("PHONE", fake[rng.choice(["en_US"] * 4 + ["en_GB", "en_IN", "de_DE"])].phone_number()),
        "email": ("EMAIL", us.email()),
        "url": ("URL", us.url() + rng.choice(["", "portal/login", "u/" + us.user_name()])),
        "ip": ("IP", us.ipv4() if rng.random() < 0.8 else us.ipv6()),
        "ssn": ("SSN", us.ssn()),
        "mrn": ("MRN", us.bothify(rng.choice(["########", "MR-#######", "##-###-###", "A#######"]))),
        "account": ("ACCOUNT", us.bothify(rng.choice(["##########", "AC-#######", "####-####-##"]))),
        "plan": ("HEALTH_PLAN", us.bothify(rng.choice(["???#########", "W#########", "#######"])).upper()),
        "license": ("LICENSE", us.bothify(rng.choice(["?#######", "##-###-####", "?##-###-###"])).upper()),
        "device": ("DEVICE", us.bothify(rng.choice(["SN-####-????", "##?#-#####", "G#-#######"])).upper()),
        "age": ("AGE", rng.choice(AGES)),
        "company": ("ORGANIZATION", us.company()),
        "school": ("ORGANIZATION", f"{us.last_name()} {rng.choice(['Elementary', 'High School', 'Middle School', 'Community College', 'Academy'])}"),
    }


def generate(templates: list[str], per_template: int, seed: int, prefix: str) -> list[dict]:
    """Labelled cases from templates filled by a seeded Faker (needs the test extra)."""
    from faker import Faker

    fake = Faker(sorted(set(NAME_LOCALES + ["en_US", "en_IN", "de_DE"])))
    fake.seed_instance(seed)
    rng = random.Random(seed)
    cases = []
    for t_index, template in enumerate(templates):
        for n in range(per_template):
            slots, text, entities, cursor = _slots(fake, rng), "", [], 0
            for literal, field in _split(template):
                text += literal
                if field is None:
                    continue
                kind, value = slots[field]
                if kind:
                    entities.append({"type": kind, "start": len(text), "end": len(text) + len(value)})
                text += value
            cases.append({"id": f"{prefix}-{t_index:02d}-{n:03d}", "text": text, "entities": entities})
    return cases


def _split(template: str):
    from string import Formatter

    for literal, field, _, _ in Formatter().parse(template):
        yield literal, field


# ---------------------------------------------------------------- scoring


def load_cases(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _covered(spans: list[Span], length: int) -> list[bool]:
    mask = [False] * length
    for start, end, _ in spans:
        mask[start:end] = [True] * (end - start)
    return mask


def score(cases: list[dict], predictions: list[list[Span]], type_map: dict[str, str]) -> dict:
    """Per-type recall (fully covered), leaks and precision (overlaps any identifier)."""
    gold_total, caught = Counter(), Counter()
    pred_total, pred_correct = Counter(), Counter()
    leaks, false_positives = [], []
    for case, spans in zip(cases, predictions):
        text, gold = case["text"], case["entities"]
        mask = _covered(spans, len(text))
        for entity in gold:
            gold_total[entity["type"]] += 1
            chars = range(entity["start"], entity["end"])
            if all(mask[i] for i in chars if text[i].isalnum()):
                caught[entity["type"]] += 1
            else:
                leaks.append({"id": case["id"], "type": entity["type"],
                              "start": entity["start"], "end": entity["end"]})
        for start, end, kind in spans:
            kind = type_map.get(kind, kind)
            pred_total[kind] += 1
            if any(start < g["end"] and g["start"] < end for g in gold):
                pred_correct[kind] += 1
            else:
                false_positives.append({"id": case["id"], "type": kind, "start": start, "end": end})
    return {
        "identifiers": sum(gold_total.values()),
        "recall": _ratio(sum(caught.values()), sum(gold_total.values())),
        "precision": _ratio(sum(pred_correct.values()), sum(pred_total.values())),
        "leaked": len(leaks),
        "critical_all_caught": all(caught[t] == gold_total[t] for t in CRITICAL),
        "per_type": {
            kind: {"n": gold_total[kind], "caught": caught[kind],
                   "recall": _ratio(caught[kind], gold_total[kind])}
            for kind in sorted(gold_total)
        },
        "precision_per_type": {
            kind: {"predicted": pred_total[kind], "correct": pred_correct[kind],
                   "precision": _ratio(pred_correct[kind], pred_total[kind])}
            for kind in sorted(pred_total)
        },
        "leaks": leaks,
        "false_positives": false_positives,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _timed(predict: Predict, texts: list[str]) -> tuple[list[list[Span]], dict]:
    started = time.perf_counter()
    spans = predict(texts)
    seconds = time.perf_counter() - started
    chars = sum(map(len, texts))
    return spans, {
        "ms_per_text": round(1000 * seconds / max(len(texts), 1), 3),
        "chars_per_s": round(chars / seconds) if seconds else None,
    }


# ---------------------------------------------------------------- predictors


def _ours(scrubber: PresidioScrubber, batched: bool) -> Predict:
    def predict(texts: list[str]) -> list[list[Span]]:
        if batched:
            found = [entities for start in range(0, len(texts), BATCH)
                     for entities in scrubber.find_many(texts[start : start + BATCH])]
        else:
            found = [scrubber.find(t) for t in texts]
        return [[(e.start, e.end, e.type) for e in entities] for entities in found]

    return predict


def _baseline(analyzer) -> Predict:
    def predict(texts: list[str]) -> list[list[Span]]:
        return [
            [(r.start, r.end, r.entity_type) for r in analyzer.analyze(text=t, language="en")]
            for t in texts
        ]

    return predict


HELD_OUT = ("therapy-heldout", "generic-heldout", "obfuscated-heldout")
DEV = ("journal-dev", "journal-v1", "generated-dev")


def suites(data: Path | None, names: tuple[str, ...] = HELD_OUT + DEV) -> dict[str, list[dict]]:
    """The labelled sets to score: one file if given, else the named suites."""
    if data is not None:
        return {data.stem: load_cases(data)}
    files = {
        "therapy-heldout": "therapy.heldout.jsonl",
        "generic-heldout": "generic.heldout.jsonl",
        "obfuscated-heldout": "obfuscated.heldout.jsonl",
        "journal-dev": "dev.jsonl",
        "journal-v1": "heldout.jsonl",
    }
    return {
        name: generate(DEV_TEMPLATES, 20, seed=1, prefix="gen-dev")
        if name == "generated-dev" else load_cases(DATA / files[name])
        for name in names
    }


def run(
    settings: Settings,
    data: Path | None = None,
    report_dir: Path | None = None,
    names: tuple[str, ...] = HELD_OUT + DEV,
    sets: dict[str, list[dict]] | None = None,
) -> dict:
    """Score our scrubber and Presidio's default analyzer on the same texts, side by side;
    ``sets`` (name → labelled cases) replaces the named suites when given."""
    scrubber = PresidioScrubber(settings)
    scrubber.warm_up()
    baseline = build_baseline_analyzer(settings)
    type_map = load_privacy_config(settings.presidio_config).placeholder_types
    report: dict = {"suites": {}}
    for name, cases in (sets if sets is not None else suites(data, names)).items():
        texts = [case["text"] for case in cases]
        _ours(scrubber, batched=False)(texts[:5])  # first calls build lazy tables: not timed
        _baseline(baseline)(texts[:5])
        ours, ours_speed = _timed(_ours(scrubber, batched=False), texts)
        base, base_speed = _timed(_baseline(baseline), texts)
        report["suites"][name] = {
            "texts": len(texts),
            "ours": {**score(cases, ours, type_map), **ours_speed},
            "baseline": {**score(cases, base, type_map), **base_speed},
        }
    if report_dir is not None:
        report_dir.mkdir(parents=True, exist_ok=True)
        (report_dir / "phi.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


def render(report: dict) -> str:
    """A readable table per suite: recall per type, precision and speed, ours vs baseline."""
    lines = []
    for name, suite in report["suites"].items():
        ours, base = suite["ours"], suite["baseline"]
        lines += [
            f"== {name} ({suite['texts']} texts, {ours['identifiers']} identifiers)",
            f"{'type':<14}{'n':>5}  {'recall ours':>11}  {'baseline':>8}",
        ]
        for kind, row in ours["per_type"].items():
            lines.append(
                f"{kind:<14}{row['n']:>5}  {_pct(row['recall']):>11}  "
                f"{_pct(base['per_type'][kind]['recall']):>8}"
            )
        lines += [
            f"{'ALL recall':<19}  {_pct(ours['recall']):>11}  {_pct(base['recall']):>8}",
            f"{'precision':<19}  {_pct(ours['precision']):>11}  {_pct(base['precision']):>8}",
            f"{'leaked ids':<19}  {ours['leaked']:>11}  {base['leaked']:>8}",
            f"{'ms/text':<19}  {ours['ms_per_text']:>11}  {base['ms_per_text']:>8}",
            f"{'chars/s':<19}  {ours['chars_per_s']:>11}  {base['chars_per_s']:>8}",
            f"email/phone/MRN/SSN all caught: {ours['critical_all_caught']}",
            "",
        ]
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def bench(settings: Settings) -> list[dict]:
    """Rows for ``kap bench``: median ms per journal text, chars/s, ratio to Presidio's default."""
    texts = [c["text"] for c in load_cases(DATA / "dev.jsonl") + load_cases(DATA / "heldout.jsonl")]
    scrubber = PresidioScrubber(settings)
    scrubber.warm_up()
    baseline = build_baseline_analyzer(settings)
    runs = {
        "presidio default": _baseline(baseline),
        "ours": _ours(scrubber, batched=False),
        "ours batched": _ours(scrubber, batched=True),
    }
    chars = sum(map(len, texts))
    medians = {}
    for name, predict in runs.items():
        predict(texts[:5])  # warm caches
        seconds = statistics.median(_seconds(predict, texts) for _ in range(5))
        medians[name] = seconds
    base = medians["presidio default"]
    return [
        {"name": f"phi scrub, {name} (ms/text, chars/s)",
         "median_ms": round(1000 * s / len(texts), 3),
         "per_second": round(chars / s), "ratio": round(s / base, 2)}
        for name, s in medians.items()
    ]


def _seconds(predict: Predict, texts: list[str]) -> float:
    started = time.perf_counter()
    predict(texts)
    return time.perf_counter() - started
