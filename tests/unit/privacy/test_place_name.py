"""The place-name recognizer: listed towns and cities of any script, and words that are
no place though a town somewhere bears their name."""

from __future__ import annotations

import pytest

from assistant.privacy.recognizers.place_name import PlaceNameRecognizer

MUST_MATCH = [
    # (text, the place found)
    ("أعيش في القاهرة منذ سنوات", "القاهرة"),  # Arabic
    ("আমি ঢাকা থেকে এসেছি", "ঢাকা"),  # Bengali, its vowel signs inside
    ("Переехала в Вильнюс весной", "Вильнюс"),  # Cyrillic
    ("Her mother still lives near Debrecen.", "Debrecen"),  # a Latin name spaCy does not know
    ("Grew up between Yaoundé and the coast", "Yaoundé"),  # with its accent
    ("Family in DAR ES SALAAM, cousins abroad", "DAR ES SALAAM"),  # several words in capitals
    ("עברנו מחיפה לפני שנה", "מחיפה"),  # a Hebrew preposition joined to the name
]

MUST_NOT_MATCH = [
    "Saya kirim SURAT dari kurye, tolong cek bulan ini.",  # words that also name towns
    "اگر دور باشد",  # Persian words of three letters, a town's name somewhere
    "फोन पर बार बार बात हुई",  # Hindi "बार" (times), a town's name somewhere
    "We talked about reading, and a mobile phone.",  # English words, lower case
    "INAMI sent the form",  # a single word in capitals is as often an acronym
    "東京 大学 近く",  # Chinese and Japanese names are not listed (no spaces between words)
]


@pytest.fixture(scope="module")
def recognizer():
    return PlaceNameRecognizer()


def _found(recognizer, text):
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["LOCATION"])]


@pytest.mark.parametrize(("text", "place"), MUST_MATCH)
def test_when_a_listed_town_is_written_then_it_is_found(recognizer, text, place):
    assert _found(recognizer, text) == [place]


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_when_words_only_share_a_towns_name_then_nothing_is_found(recognizer, text):
    assert _found(recognizer, text) == []
