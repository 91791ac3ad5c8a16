"""Normalising before detecting: each class of trick is read through, offsets map back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.normalize import normalize

# (written, read as): every class the module docstring names, and what must stay.
ROWS = [
    ("555\u200b-0143", "555-0143"),            # zero-width space
    ("An\u200cna", "Anna"),                    # zero-width non-joiner
    ("Ma\u200dria", "Maria"),                  # zero-width joiner
    ("Jo\u2060nas", "Jonas"),                  # word joiner
    ("\ufeffEmail", "Email"),                  # byte-order mark
    ("Var\u00adga", "Varga"),                  # soft hyphen
    ("\u200eDr.\u200f Lee", "Dr. Lee"),        # direction marks
    ("+44\u00a07700", "+44 7700"),             # no-break space
    ("12\u202f34", "12 34"),                   # narrow no-break space
    ("555\u2011014", "555-014"),               # no-break hyphen
    ("555\u20120143", "555-0143"),             # figure dash
    ("555\u20130143", "555-0143"),             # en dash
    ("\uff10\uff11\uff12", "012"),             # full-width digits
    ("\uff2d\uff41\uff52\uff49\uff41", "Maria"),  # full-width letters
    ("a\uff20b\uff0ecom", "a@b.com"),          # full-width @ and .
    ("\u0663\u0664", "34"),                    # Arabic-Indic digits
    ("\u0406v\u0430n", "Ivan"),                # Cyrillic look-alikes in a Latin word
    ("\u0391\u039d\u039d\u0391", "ANNA"),      # Greek capitals that all look Latin
    ("C\u043e\u043ao\u043b\u043e\u0432 \u041fa\u0432\u0435\u043b", "Соколов Павел"),  # Latin look-alikes in Cyrillic words
    ("\u041bo\u0448", "Лош"),                # one Latin letter among Cyrillic ones that look like none
    ("\u0391\u03b8\u03b7\u03bda", "Αθηνα"),   # a Latin look-alike in a Greek word
    ("cafe\u0301", "café"),                    # combining accent composed
    ("Gu\u0335\u00f0\u0332ru\u0301n", "Guðrún"),  # a stroke through, a line under a letter
    ("Ne\u0302\u0323\u0301t", "N\u1ec7t"),         # a third accent NFKC cannot compose
    ("O\u0301\u0308la", "Óla"),                  # an accent on an accented letter
    ("19\u00b705\u00b71979", "19.05.1979"),      # middle dots between digits
    ("756\u20224821", "756.4821"),              # a bullet between digits
    ("INV\u20142025", "INV-2025"),              # a long dash inside an ID
    ("DNI 7 2 4 1 8 9 0 3.", "DNI 72418903."),  # digits spaced apart
    ("call j o h n now", "call john now"),      # letters spaced apart
    ("cel 3 1 0 \u00b7 5 4 8", "cel 310.548"),   # spaced digits with a spaced middle dot
    ("call five oh three, five five five, zero one four two", "call 503 555 0142"),  # digits as words
    ("+34 seis cinco cinco 81 42 07", "+34 655 81 42 07"),  # in Spanish, beside digits
    ("six one five - five five five - zero one nine zero", "615-555-0190"),  # grouped by dashes
    ("ending double four one seven", "ending 4417"),  # "double four"
    ("zéro six, quarante-deux, dix-huit", "06 42 18"),  # tens and hyphenated numbers
    ("nueve seis tres, cincuenta y dos, dieciocho", "963 52 18"),  # "cincuenta y dos"
    ("sıfır beş yüz otuz iki, yirmi yedi", "0532 27"),  # Turkish numbers written apart
    ("nul zes, vierenveertig, zevenentwintig", "06 44 27"),  # Dutch numbers written together
    ("плюс семь, девятьсот двенадцать", "плюс 7 912"),  # Cyrillic
    ("صفر واحد صفر، ثمانية أربعة", "010 84"),  # Arabic, with the Arabic comma
    ("tel 공일공 사칠이팔", "tel 0104728"),  # Korean digits, a word each
    ("电话一三八〇〇一三八", "电话13800138"),  # Chinese digits, one run
    ("quinze de outubro", "15 de outubro"),  # a day said in words beside a month
    ("ventotto febbraio, am dreißigsten September", "28 febbraio, am 30 September"),
    ("october ninth, двадцать третьего октября", "october 9, 23 октября"),  # ordinals
    ("SSN 5\ufe0f\u20e33\ufe0f\u20e31\ufe0f\u20e3-72", "SSN 531-72"),  # keycap digits
    ("Callback 651 555 O114.", "Callback 651 555 0114."),  # a letter O among digits
    ("(2l2) 555-Ol88 or 7I8-555-Ol9O", "(212) 555-0188 or 718-555-0190"),  # l and I as ones
    ("she's n i n e t y - f o u r", "she's ninety-four"),  # a word spaced out after a contraction
    # must stay as written
    ("Иван", "Иван"),                          # a Cyrillic word proper
    ("Μαρία", "Μαρία"),                        # a Greek word proper
    ("Й\u0438\u0306", "Йй"),                      # a Cyrillic letter and its breve compose
    ("सीता श्रेष्ठ", "सीता श्रेष्ठ"),                  # Devanagari vowel signs and virama stay
    ("ราเบยา", "ราเบยา"),                          # Thai vowel marks stay
    ("calm — then not", "calm — then not"),    # the em dash punctuates
    ("plain text, 42.", "plain text, 42."),
    ("I am a b c", "I am a b c"),              # fewer than four single characters
    ("options a, b, c and d", "options a, b, c and d"),  # a list, not a spaced word
    ("one two three four, breathe", "one two three four, breathe"),  # counting
    ("I slept two or three hours, then twenty minutes", "I slept two or three hours, then twenty minutes"),
    ("sei un tesoro, tre volte", "sei un tesoro, tre volte"),  # too few digits
    ("二〇一九年, 三四个人, 九十三岁", "2019年, 三四个人, 九十三岁"),  # a number of Chinese words alone
    ("이사 준비, 오이 두 개", "이사 준비, 오이 두 개"),  # Korean words that happen to be digits
    ("one may hope, in the second march, ninth in line", "one may hope, in the second march, ninth in line"),
    ("war sie zwei Tage müde; desde Cataluña en julio", "war sie zwei Tage müde; desde Cataluña en julio"),
    ("I had one or two, maybe 2024", "I had one or two, maybe 2024"),  # too few digits
    ("Oh one more thing: 2 3", "Oh one more thing: 2 3"),
    ("Room 1O, ZOO 2, OO7 and Oslo 5", "Room 1O, ZOO 2, OO7 and Oslo 5"),  # one digit, or words
    ("Hall 12, l0l, Il 4 and all 22 of them", "Hall 12, l0l, Il 4 and all 22 of them"),
]


@pytest.mark.parametrize("written, read_as", ROWS)
def test_when_a_trick_hides_a_character_then_the_reader_sees_through_it(written, read_as):
    assert normalize(written).text == read_as


@pytest.mark.parametrize("written, read_as", ROWS)
def test_every_normalised_character_maps_back_into_the_original(written, read_as):
    normal = normalize(written)
    assert len(normal.starts) == len(normal.ends) == len(normal.text)
    start, end = normal.span(0, len(normal.text))
    assert written[start:end].strip("\u200e\u200f\ufeff") == written.strip("\u200e\u200f\ufeff")


def test_a_span_found_in_the_normalised_text_covers_the_trick_inside_it():
    written = "call +44\u00a07700\u2011900\u200b456 today"
    normal = normalize(written)
    found = normal.text.index("+44")
    start, end = normal.span(found, found + len("+44 7700-900456"))
    assert written[start:end] == "+44\u00a07700\u2011900\u200b456"


@given(st.text())
def test_offsets_are_ordered_and_inside_the_original_for_any_text(text):
    normal = normalize(text)
    assert list(normal.starts) == sorted(normal.starts)
    assert all(0 <= s < e <= len(text) for s, e in zip(normal.starts, normal.ends))


@given(st.lists(st.sampled_from(["five", "oh", "double", "seis", "12", " ", ", ", "-", " - ", "x"]),
                max_size=24).map("".join))
def test_digits_said_as_words_map_back_in_order(text):
    normal = normalize(text)
    assert list(normal.starts) == sorted(normal.starts)
    assert all(0 <= s < e <= len(text) for s, e in zip(normal.starts, normal.ends))
    covered = {i for s, e in zip(normal.starts, normal.ends) for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if ch.isalnum())
