"""Session prep page: journal in, risk flags first, themes, charts and questions out."""

from __future__ import annotations

import pytest

from tests.unit.ui.conftest import SAMPLE_JOURNAL, assert_clean, texts

CSV_WITH_SCORES = (
    "date,text,phq9,gad7\n"
    "2026-09-01,\"Nervous before the session, hopeful after it. I felt calm later.\",16,12\n"
    "2026-09-08,\"My shoulders were tight all week but walks helped me breathe.\",14,10\n"
    "2026-09-15,\"I keep worrying that the depression will come back.\",12,9\n"
)


def prepare(at, *, paste: str | None = None, upload: tuple[str, bytes] | None = None):
    if paste is not None:
        at.text_area[0].set_value(paste)
    if upload is not None:
        at.file_uploader[0].set_value((*upload, "text/plain"))
    return at.button[0].click().run()


@pytest.fixture
def summarized(page):
    return prepare(page("Session prep"), paste=SAMPLE_JOURNAL.read_text(encoding="utf-8"))


def test_when_journal_is_pasted_then_risk_flags_come_first_with_acknowledge_boxes(summarized):
    at = summarized
    assert_clean(at)
    headings = [m for m in texts(at.markdown) if m.startswith("#### ")]
    assert headings[0] == "#### Risk flags"
    assert "Safety first" in texts(at.warning)[0]
    boxes = [c for c in at.checkbox if c.label == "Acknowledged"]
    assert boxes and not boxes[0].value
    boxes[0].check().run()
    assert [c for c in at.checkbox if c.label == "Acknowledged"][0].value


def test_when_journal_is_summarized_then_themes_quotes_mood_and_questions_show(summarized):
    at = summarized
    headings = texts(at.markdown)
    for heading in ("#### Themes", "#### Tone across entries", "#### Questions for next session"):
        assert heading in headings
    assert any("“" in m and "Sep" in m for m in headings)  # dated quotes
    assert at.get("vega_lite_chart")


def test_when_journal_names_people_then_summary_shows_real_names_on_screen(summarized):
    shown = " ".join(texts(summarized.markdown))
    assert "<PERSON_" not in shown


def test_when_csv_has_questionnaires_then_score_charts_show(page):
    at = prepare(page("Session prep"), upload=("scores.csv", CSV_WITH_SCORES.encode()))
    assert_clean(at)
    assert "#### Questionnaires" in texts(at.markdown)
    assert any("PHQ-9 moved" in c for c in texts(at.caption))


@pytest.mark.parametrize(
    ("paste", "message"),
    [
        ("Just some thoughts without any date.", "dated heading"),  # no heading
        ("## 2026-09-01\n\n## 2026-09-02\n", "no journal entries"),  # empty entries
        ("[{\"date\": \"2026-09-01\"}]", "no text"),  # JSON entry without text
        ("## 2026-09-01\n" + "a" * (5 * 1024 * 1024 + 1), "MB"),  # a 5 MB paste
    ],
)
def test_when_journal_is_unusable_then_one_friendly_error_names_the_problem(page, paste, message):
    at = prepare(page("Session prep"), paste=paste)
    assert not at.exception
    assert len(at.error) == 1 and message in at.error[0].value
    assert "Traceback" not in at.error[0].value


def test_when_nothing_is_given_then_it_asks_for_a_journal(page):
    at = page("Session prep").button[0].click().run()
    assert_clean(at)
    assert "Choose a journal file or paste" in texts(at.warning)[0]


def test_when_summary_is_shown_then_markdown_and_word_downloads_are_offered(summarized):
    assert [b.label for b in summarized.get("download_button")] == ["Markdown", "Word"]
