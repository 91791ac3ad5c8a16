"""The script-name recognizer: names of scripts other than Latin from the listed names, the
words that complete them, and words of those scripts that are no names."""

from __future__ import annotations

import pytest

from assistant.privacy.recognizers.script_name import ScriptNameRecognizer

MUST_MATCH = [
    # (text, the name found)
    ("Разговор с Ирины Сергеевны о сне", "Ирины Сергеевны"),  # another case, a patronymic
    ("Νίκος Παπαδόπουλος είπε ότι", "Νίκος Παπαδόπουλος"),  # a listed name, a family shape
    ("שוחחתי עם מיכל אזולאי היום", "מיכל אזולאי"),  # Hebrew, both parts listed
    ("زارت سلمى الحسيني العيادة", "سلمى الحسيني"),  # an Arabic family name "ال…ي"
    ("محمود عبد الرحمن بن سعيد", "محمود عبد الرحمن بن سعيد"),  # linked by "بن"
    ("मरीज़ सीता श्रेष्ठ आई", "सीता श्रेष्ठ"),  # Devanagari, its vowel signs inside
    ("met 陈静怡 today", "陈静怡"),  # a Chinese surname and two characters, alone
    ("佐藤 called", "佐藤"),  # a listed Japanese surname
    ("김민지님, thanks", "김민지님"),  # a Korean surname, a listed given name, an honorific
    ("やまだ はなこ (mother)", "やまだ はなこ"),  # kana readings
    ("患者：佐々木 美智子（52）", "佐々木 美智子"),  # a short word after a listed surname
    ("藤原先生, thanks", "藤原先生"),  # a surname with an honorific
    ("маленький Иван плакал", "Иван"),  # lower-case words beside a name are not part of it
]

MUST_NOT_MATCH = [
    "Учёт клиента; пахнет блинами",  # Russian words, no listed name
    "Ονοματεπώνυμο: —",  # a Greek form label
    "נא להגיע אל המרפאה",  # Hebrew "אל" (to): too short to start a name
    "جلسة تحضيرية قبل العلاج",  # Arabic words
    "डर लग रहा था",  # Hindi words
    "可以在等候区等候。请提供紧急联系人电话",  # a Chinese sentence: no run stands alone
    "the colour 黄色 again",  # a surname character and one more: not a three-character name
    "주차 어디서 해요? 네",  # Korean words
    "東京 大学",  # a place and a word: no listed surname leads
]


@pytest.fixture(scope="module")
def recognizer():
    return ScriptNameRecognizer()


def _found(recognizer, text):
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"])]


@pytest.mark.parametrize(("text", "name"), MUST_MATCH)
def test_when_a_listed_name_of_another_script_is_written_then_the_whole_name_is_found(recognizer, text, name):
    assert _found(recognizer, text) == [name]


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_when_words_of_another_script_name_nobody_then_nothing_is_found(recognizer, text):
    assert _found(recognizer, text) == []
