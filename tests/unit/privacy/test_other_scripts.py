"""Titles and kinds of institution in scripts other than Latin, read by the recognizers
alone: what they must find, and the words beside them they must leave."""

from __future__ import annotations

import pytest

from assistant.privacy.recognizers.organization import OrganizationRecognizer
from assistant.privacy.recognizers.titled_name import TitledNameRecognizer

TITLED_MUST_MATCH = [
    ("إلى الدكتورة منى الشريف\nعيادة", "منى الشريف"),  # an Arabic title, the name to the line's end
    ("خانم دکتر نسرین کاظمی گرامی،", "نسرین کاظمی گرامی"),  # Persian titles in a row
    ("ਸਤਿਕਾਰਯੋਗ ਡਾਕਟਰ ਗਰੇਵਾਲ ਜੀ,", "ਗਰੇਵਾਲ ਜੀ"),  # Gurmukhi
    ("Разговор с доктор Петрова", "Петрова"),  # Cyrillic: a capitalised name
    ("ดิฉันนางสาวสุดารัตน์ วงศ์", "สุดารัตน์"),  # Thai: the title written onto the name
]
TITLED_MUST_NOT_MATCH = [
    "доктор сказал, что всё хорошо",  # a Cyrillic title before lower-case words
    "I told the doctor about it",
    "خانم،",  # a title alone
]
ORGANIZATION_MUST_MATCH = [
    ("ابني في مستشفى السكينة التخصصي، الرياض", "مستشفى السكينة التخصصي"),
    ("Медицинский центр «Тыныштық», Алматы", "Медицинский центр «Тыныштық»"),
    ("こころの森メンタルクリニック\n藤原先生", "こころの森メンタルクリニック"),
    ("마음숲정신건강의학과의원 원장님", "마음숲정신건강의학과의원"),
    ("ที่โรงพยาบาลศิริราช เมื่อวาน", "โรงพยาบาลศิริราช"),
]
ORGANIZATION_MUST_NOT_MATCH = [
    "мы пошли в центр города",  # "the town centre": no capitalised or quoted name
    "他去医院了",  # "he went to hospital"
    "병원에 갔어요",  # "went to hospital": no name before the kind
    "夜は眠れない",
]


def _found(recognizer, text, entity):
    return [text[r.start : r.end] for r in recognizer.analyze(text, [entity])]


@pytest.mark.parametrize(("text", "name"), TITLED_MUST_MATCH)
def test_a_title_of_another_script_marks_the_name_after_it(text, name):
    assert _found(TitledNameRecognizer(), text, "PERSON") == [name]


@pytest.mark.parametrize("text", TITLED_MUST_NOT_MATCH)
def test_a_title_of_another_script_without_a_name_marks_nothing(text):
    assert _found(TitledNameRecognizer(), text, "PERSON") == []


@pytest.mark.parametrize(("text", "name"), ORGANIZATION_MUST_MATCH)
def test_a_kind_of_institution_of_another_script_marks_its_name(text, name):
    assert _found(OrganizationRecognizer(), text, "ORGANIZATION") == [name]


@pytest.mark.parametrize("text", ORGANIZATION_MUST_NOT_MATCH)
def test_a_kind_of_institution_as_a_word_marks_nothing(text):
    assert _found(OrganizationRecognizer(), text, "ORGANIZATION") == []
