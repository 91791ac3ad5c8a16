"""Span hygiene: whole words, whole names, a name found once is found again, dates keep times."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from assistant.config import Settings
from assistant.privacy.config import load_privacy_config
from assistant.privacy.spans import resolve
from assistant.privacy.vault import Vault

# (text, values that must be covered whole, words that must stay readable)
ROWS = [
    ("call back with anneke vandermolen tomorrow", ["anneke vandermolen"], ["tomorrow"]),
    ("Ilona K. Varga came in. Varga said she was tired.", ["Ilona K. Varga", "Varga"], ["came", "said"]),
    ("I met Hope Martinez. I still have hope.", ["Hope Martinez"], ["hope."]),
    ("Logged at 2011-05-19 14:02:51 by the nurse.", ["2011-05-19 14:02:51"], ["nurse"]),
    ("Her intake is March 3 at 4:15pm, see you then.", ["March 3 at 4:15pm"], ["see"]),
    ("Priya's sister drove.", ["Priya"], ["sister"]),
    # a surname found after a name stays on the name's line
    ("Nome: Inês Vasconcelos Moura\nNIF pendente", ["Inês Vasconcelos Moura"], ["NIF"]),
    ("Frau Hoffmann aus Göttingen kam zur Sitzung.", ["Hoffmann", "Göttingen"], ["Sitzung"]),
    # organisations whose kind word follows the name or is an acronym (the type may be
    # PERSON where a name guess overlaps: what matters is that they are covered)
    ("Lähete: Hervannan terveysasema, 12.3.", ["Hervannan terveysasema"], ["Lähete"]),
    ("Behandeling bij GGZ Amstelland sinds maart.", ["GGZ Amstelland"], ["Behandeling bij"]),
    # a name's particles are not looked for elsewhere; its names are
    ("Paciente: Lucía Fernández de la Torre\nNota de evolución: Fernández durmió bien.",
     ["Lucía Fernández de la Torre"], ["Nota de evolución"]),
]


# Named instruments and institutions are not people: (text, name that must stay readable).
NAMED_THINGS = [
    "With consent, introduce a symptom measure such as the Patient Health Questionnaire.",
    "Scores on the Patient Health Questionnaire-9 fell over the month.",
    "The Valued Living Questionnaire can structure a values conversation.",
    "We used the Beck Depression Inventory at intake.",
    "She scored low on the Columbia Suicide Severity Rating Scale.",
    "Researchers at the Johns Hopkins Center studied challenging experiences.",
]


# Spanish and French sentences by writers who capitalise: the English NER's lower-case
# guesses are not names (text that must come back unchanged).
OTHER_LANGUAGES = [
    "¿Puede mi cliente dejar el clonazepam la noche antes de la sesión de ketamina?",
    "Est-ce qu'il faut diminuer la lamotrigine avant les séances de kétamine ?",
    "No quiero seguir viviendo, ya no aguanto más.",
    # a capitalised function word opening the sentence is not the start of a name
    "Ella tiene miedo de la próxima sesión y no duerme bien.",
    "¿Qué dosis de ketamina sublingual se suele usar en la primera sesión?",
    "Para Spravato, ¿cuántos dispositivos se usan en la fase de inducción?",
    # writers who never capitalise: the sentence's language is the ground for the rule
    "recaida despues de terminar el tratamiento con ketamina, que hacemos?",
    "la paciente vive sola, quien deberia quedarse con ella despues de la sesion de ketamina",
    "tuvo una experiencia con la virgen durante la sesion, como lo integramos",
    # a capitalised stop word opening the sentence, and "la" (a listed name) inside it
    "Depuis la séance j'ai une douleur dans la poitrine qui serre et qui ne passe pas.",
    # German capitalises every noun; one made from another word is no name or place
    "Die Forschung zu Ketamin bei Angststörungen ist noch jung.",
    "Wir besprachen die Achtsamkeit und die Wirkung der letzten Sitzung.",
    # ... and a noun after an article or a possessive is no name
    "Was macht die Therapeutin, wenn mein Klient nach der Sitzung das Gefühl hat, allein zu sein?",
]


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_lower_case_words_of_another_language_are_not_names(scrubber, text):
    assert scrubber.scrub(text, Vault()).text == text


@pytest.mark.parametrize(("text", "name", "after"), [
    ("Ayer hablé con Lucía Fernández sobre la sesión.", "Lucía Fernández", " sobre la sesión."),
    ("Met vriendelijke groet,\nKees van den Broek", "Kees van den Broek", ""),
    ("Hij is verwezen door zijn huisarts, dokter E. de Wit-Hoogland, met een brief.",
     "E. de Wit-Hoogland", ", met een brief."),
])
def test_a_name_in_another_language_ends_where_the_name_ends(scrubber, text, name, after):
    """Stop words of the text's language are trimmed from a guessed name's edges, but not
    an initial or a surname particle."""
    scrubbed = scrubber.scrub(text, Vault()).text
    assert scrubbed == text.replace(name, "<PERSON_1>"), scrubbed
    assert scrubbed.endswith(after)


@pytest.mark.parametrize(("text", "name"), [
    ("Er spricht viel von seiner Tochter Lea und ihrer Schule.", "Lea"),
    ("Die Anna hat nach der Sitzung lange geweint.", "Anna"),
])
def test_a_name_after_a_german_article_is_still_a_name(scrubber, text, name):
    """A listed first name, or a name beside the noun after the article, stays found."""
    assert name not in scrubber.scrub(text, Vault()).text


def test_a_listed_name_in_lower_case_text_of_another_language_is_still_found(scrubber):
    scrubbed = scrubber.scrub("hoy hablé con mi hermana lucía sobre la sesion", Vault()).text
    assert "lucía" not in scrubbed and "sesion" in scrubbed


def test_lower_case_english_guesses_are_kept(scrubber):
    """The rule needs another language: in English text written in lower case a guessed
    name stays a name."""
    assert "vandermolen" not in scrubber.scrub("lost my phone, ask bram vandermolen", Vault()).text


def test_a_capitalised_name_in_another_language_is_still_found(scrubber):
    scrubbed = scrubber.scrub("Ayer hablé con Lucía Fernández sobre la sesión.", Vault()).text
    assert "Lucía" not in scrubbed and "Fernández" not in scrubbed and "sesión" in scrubbed
    scrubbed = scrubber.scrub("Pour Marie Dubois, la séance était dure.", Vault()).text
    assert scrubbed.startswith("Pour <PERSON_1>")


_NOT_LISTED = pytest.mark.xfail(
    strict=True, reason="known leak: spaCy misses a sentence-initial first name that is also a "
    "word and is not in the first-name list; the surname alone is found"
)


@pytest.mark.parametrize("name", [
    "Ma Lin", "Una Byrne", "Tu Anh Nguyen",
    pytest.param("Per Andersson", marks=_NOT_LISTED),
    pytest.param("Son Heung-min", marks=_NOT_LISTED),
])
def test_a_name_that_starts_like_a_function_word_is_scrubbed_whole(scrubber, name):
    scrubbed = scrubber.scrub(f"{name} called twice about the session.", Vault()).text
    assert scrubbed.startswith("<PERSON_1> called"), scrubbed


@pytest.mark.parametrize("text", NAMED_THINGS)
def test_a_named_instrument_or_institution_is_not_a_person(scrubber, text):
    assert [e for e in scrubber.find(text) if e.type == "PERSON"] == []


def test_a_person_named_next_to_an_instrument_is_still_a_person(scrubber):
    text = "Talked with Mara Centeno about the Patient Health Questionnaire."
    result = scrubber.scrub(text, Vault())
    assert "Mara Centeno" not in result.text and "Patient Health Questionnaire" in result.text


@pytest.mark.parametrize("text, covered, readable", ROWS)
def test_when_scrubbed_then_identifiers_are_covered_whole_and_words_stay(scrubber, text, covered, readable):
    result = scrubber.scrub(text, Vault())
    for value in covered:
        start = text.index(value)
        assert any(e.start <= start and start + len(value) <= e.end for e in result.entities), value
    for word in readable:
        assert word in result.text, word


def test_a_name_found_in_one_entry_is_found_in_the_next_of_the_same_run(scrubber):
    vault = Vault()
    first, second = scrubber.scrub_many(
        ["Long talk with Ngozi Okonjo about the session.", "okonjo texted, i did not answer"], vault
    )
    assert "okonjo" not in second.text.lower()
    later = scrubber.scrub("Still thinking about what Okonjo said.", vault)  # same vault, later turn
    assert "Okonjo" not in later.text


def test_a_span_never_ends_inside_a_word(scrubber):
    texts = [
        "Ilona K. Varga came in", "Saw Dr.Okafor today", "Zoe-Ann and Bartholomew walked",
        "LOGGED BY MARISOL QUINTERO-VEGA ON 3/14", "email me at ana.b@example.org pls",
    ]
    for text in texts:
        for entity in scrubber.find(text):
            assert entity.start == 0 or not text[entity.start - 1].isalnum(), text
            assert entity.end == len(text) or not text[entity.end].isalnum(), text


# A country is no identifier in any language (Safe Harbor); a city is one, even beside its
# country or named after it: (text, place that must stay readable, or be covered).
COUNTRIES_STAY = [
    ("She grew up in Côte d'Ivoire and moved at twelve.", "Côte d'Ivoire"),
    ("She was born in Deutschland, raised in Leipzig.", "Deutschland"),
    ("Il est rentré en Algérie.", "Algérie"),
    ("Mi paciente viajó a Panamá y a Guatemala.", "Panamá"),
]
CITIES_COVERED = [
    ("She was born in Deutschland, raised in Leipzig.", "Leipzig"),
    ("He flew in from Mexico City on Sunday.", "Mexico City"),
    ("Ela mora em São Paulo desde março.", "São Paulo"),
]


@pytest.mark.parametrize("text, country", COUNTRIES_STAY)
def test_a_country_in_any_language_stays_readable(scrubber, text, country):
    assert country in scrubber.scrub(text, Vault()).text


@pytest.mark.parametrize("text, city", CITIES_COVERED)
def test_a_city_is_still_covered_where_countries_are_not(scrubber, text, city):
    start = text.index(city)
    assert any(e.start <= start and start + len(city) <= e.end for e in scrubber.find(text)), city


# A word a colon follows is a form field's label in many languages, not a name, unless it is a
# name: speakers of a chat transcript are named the same way.
@pytest.mark.parametrize(("text", "names", "labels"), [
    ("Datum: 12.03.2024\nHinweis: bitte nüchtern kommen", [], ["Datum", "Hinweis"]),
    ("Guest: Ingrid Solberg\nAgente: Paula", ["Ingrid Solberg", "Paula"], ["Guest", "Agente"]),
    ("Asiakas: Mikko Virtanen\nNetfang: ok", ["Mikko Virtanen"], ["Asiakas", "Netfang"]),
    ("Anneke: ich komme später.\nLuiz: ok, bis dann.", ["Anneke", "Luiz"], []),
    ("Vandermolen: see you at the clinic", ["Vandermolen"], []),
    ("Thandeka: running late\nMe: no worries", ["Thandeka"], []),
])
def test_a_form_label_stays_readable_and_a_speaker_is_still_a_name(found, text, names, labels):
    values = [value for _, value in found(text)]
    for name in names:
        assert any(name in value for value in values), f"{name!r} not found in {values}"
    for label in labels:
        assert not any(label in value for value in values), f"label {label!r} scrubbed: {values}"


def _result(kind: str, start: int, end: int, recognizer: str) -> RecognizerResult:
    return RecognizerResult(kind, start, end, 0.9, recognition_metadata={"recognizer_name": recognizer})


def test_a_word_the_tagger_adds_beside_a_found_span_of_its_type_joins_it():
    """The tagger read "από 8 Δεκεμβρίου 2020" as one date, the date recognizer "8 Δεκεμβρίου
    2020.": the preposition is not left standing alone as a date of its own."""
    text = "εταιρεία από 8 Δεκεμβρίου 2020. Κέρκυρα"
    tagger = _result("LEARNED_DATE", text.index("από"), text.index("2020") + 4, "PhiTaggerRecognizer")
    found = _result("DATE", text.index("8 Δ"), text.index("2020") + 5, "DateElementRecognizer")
    config = load_privacy_config(Settings().presidio_config)
    spans = [(e.type, text[e.start:e.end]) for e in resolve([tagger, found], text, config)]
    assert spans == [("DATE", "από 8 Δεκεμβρίου 2020")]


def test_a_word_the_tagger_adds_beside_a_span_of_another_type_stands_apart():
    text = "Termin 8 Dezember bei Anna"
    tagger = _result("LEARNED_PERSON", text.index("Dezember"), len(text), "PhiTaggerRecognizer")
    found = _result("DATE", text.index("8"), text.index("bei") - 1, "DateElementRecognizer")
    config = load_privacy_config(Settings().presidio_config)
    spans = [(e.type, text[e.start:e.end]) for e in resolve([tagger, found], text, config)]
    assert ("DATE", "8 Dezember") in spans
    assert any(kind == "PERSON" and value.endswith("Anna") for kind, value in spans)


def test_a_guessed_name_inside_a_found_organisation_gives_way_to_it():
    """spaCy reads "Ketamine Therapy" as a person: the merged span would be a PERSON ending in
    "Therapy", which names a thing, and the whole organisation would be dropped."""
    text = "Referred to: North Star Ketamine Therapy, Attn: intake"
    organisation = _result("ORGANIZATION", text.index("North"), text.index(","), "OrganizationRecognizer")
    guess = _result("PERSON", text.index("Ketamine"), text.index(","), "SpacyRecognizer")
    config = load_privacy_config(Settings().presidio_config)
    spans = [(e.type, text[e.start:e.end]) for e in resolve([organisation, guess], text, config)]
    assert spans == [("ORGANIZATION", "North Star Ketamine Therapy")]


def test_a_guessed_name_keeps_its_part_outside_a_found_organisation():
    text = "Ursula Brunner von der Apotheke am Limmatplatz ruft an"
    organisation = _result("ORGANIZATION", text.index("Apotheke"), text.index(" ruft"), "OrganizationRecognizer")
    guess = _result("PERSON", 0, text.index(" am"), "SpacyRecognizer")
    config = load_privacy_config(Settings().presidio_config)
    spans = [(e.type, text[e.start:e.end]) for e in resolve([organisation, guess], text, config)]
    assert spans[0][0] == "PERSON" and spans[0][1].startswith("Ursula Brunner")
    assert ("ORGANIZATION", "Apotheke am Limmatplatz") in spans
