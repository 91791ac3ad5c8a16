"""The app in real headless Chromium: ask, read sources, summarize a journal, plan, browse.

Saves a screenshot of every page to docs/screenshots/ and prints the median chat turn.
"""

from __future__ import annotations

import re
import statistics
import time

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import REPO
from tests.e2e.conftest import VIEWPORT

pytestmark = pytest.mark.integration

SCREENSHOTS = REPO / "docs" / "screenshots"
SAMPLE_JOURNAL = REPO / "examples" / "journal-sample.md"
FIRST_LOAD_MS = 180_000  # the first visitor waits for the models to load
QUESTIONS = [
    "What is the window of tolerance?",
    "How can I help a client feel grounded after a session?",
    "What goes into a safety plan?",
    "How can journaling support integration?",
    "How does breathwork help with regulation?",
]


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Ask the knowledge base")).to_be_visible(
        timeout=FIRST_LOAD_MS)
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=FIRST_LOAD_MS)


def ask(page: Page, question: str) -> float:
    """Ask and wait for the answer's sources; seconds from Enter to the last source shown."""
    answers = page.get_by_test_id("stChatMessage")
    before = answers.count()
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    reply = answers.nth(before + 1)
    expect(reply).to_be_visible(timeout=FIRST_LOAD_MS)
    expect(reply.get_by_test_id("stExpander").first).to_be_visible(timeout=FIRST_LOAD_MS)
    return time.perf_counter() - started


def settle(page: Page) -> None:
    """Wait for the script run a widget started to finish: Streamlit may drop a button click
    that arrives while the upload's rerun is still going (seen on a loaded machine)."""
    page.wait_for_timeout(500)  # the rerun's running icon appears after a short delay
    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0, timeout=FIRST_LOAD_MS)


def go(page: Page, title: str) -> None:
    """Change page by the sidebar, as a user does (a new URL would start a new session)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link").filter(has_text=title).click()
    expect(page.get_by_role("heading", name=re.compile(title.split(" &")[0], re.I)).first
           ).to_be_visible()


def assert_no_traceback(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "Traceback" not in page.content()


def screenshot(page: Page, name: str, artifacts, charts: int = 0) -> None:
    """The whole page at laptop width: Streamlit scrolls inside its main block."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], "
        "[data-testid=stMainBlockContainer]')].map(e => e.scrollHeight), 0)")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"],
                                                                       min(height + 80, 6000))})
    if charts:
        expect(page.locator(".vega-embed canvas, .vega-embed svg")).to_have_count(charts)
    page.wait_for_timeout(1000)  # let charts, fonts and the typing effect settle
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")
    page.screenshot(path=artifacts / f"{name}.png")
    page.set_viewport_size(VIEWPORT)


def test_when_a_therapist_uses_every_page_then_each_works_and_is_screenshotted(
    app_url, new_browser, artifacts, start_evals
):
    page = new_browser()
    try:
        open_app(page, app_url)
        ask(page, QUESTIONS[0])  # the first turn also builds lazy caches: not timed
        turns = [ask(page, question) for question in QUESTIONS[1:]]
        median = statistics.median(turns)
        print(f"\nmedian grounded chat turn in the browser: {median:.2f} s "
              f"(n={len(turns)}, each {[round(t, 2) for t in turns]})")
        (artifacts / "chat-turns.txt").write_text(f"median {median:.3f}\n{turns}\n")
        evals = start_evals()  # after the timing, so it does not compete for the CPU

        page.get_by_role("button", name=re.compile("New conversation")).click()
        expect(page.get_by_test_id("stChatMessage")).to_have_count(0)
        ask(page, "How can I help Maria Lopez feel grounded after a session?")
        expect(page.get_by_test_id("stSidebar")).to_contain_text("Maria Lopez")
        source = page.get_by_test_id("stExpander").filter(has_text="Passages and references").first
        source.locator("summary").click()
        expect(source).to_contain_text("[1] Grounding techniques ›")
        box = page.get_by_test_id("stChatInputTextArea")
        box.fill("Should we raise her dose for the next session?")
        box.press("Enter")
        expect(page.get_by_test_id("stAlertContentInfo").filter(has_text="prescriber")
               ).to_be_visible()
        assert_no_traceback(page)
        screenshot(page, "chat", artifacts)

        go(page, "Session prep")
        page.locator("input[type=file]").set_input_files(SAMPLE_JOURNAL)
        expect(page.get_by_role("region", name="Journal file")).to_contain_text(SAMPLE_JOURNAL.name)
        settle(page)
        page.get_by_role("button", name=re.compile("Prepare summary")).click()
        expect(page.get_by_text("Questions for next session")).to_be_visible(timeout=120_000)
        expect(page.get_by_text("Risk flags")).to_be_visible()
        expect(page.get_by_text("Acknowledged").first).to_be_visible()
        assert_no_traceback(page)
        screenshot(page, "session-prep", artifacts, charts=1)

        go(page, "Session plan")
        page.get_by_label("Focus").fill("sleep and self-compassion")
        settle(page)
        page.get_by_role("button", name=re.compile("Draft plan")).click()
        expect(page.get_by_text("Goals").first).to_be_visible(timeout=120_000)
        assert_no_traceback(page)
        screenshot(page, "session-plan", artifacts)

        go(page, "Knowledge base")
        expect(page.get_by_test_id("stDataFrame")).to_be_visible()
        screenshot(page, "knowledge-base", artifacts)

        # a quick run of the retrieval suite: the page shows its gate report
        assert evals.wait(timeout=900) == 0, f"kap eval failed; see {artifacts / 'eval.log'}"
        go(page, "Evaluation")
        expect(page.get_by_text("Every measure meets its threshold.")).to_be_visible()
        assert_no_traceback(page)
        screenshot(page, "evaluation", artifacts)

        go(page, "About & privacy")
        expect(page.get_by_text("Nothing leaves this machine:")).to_be_visible()
        screenshot(page, "about", artifacts)
    except Exception:
        page.screenshot(path=artifacts / "failure.png", full_page=True)
        raise


def test_when_a_dosing_and_a_crisis_question_are_asked_then_boundary_and_banner_show(
    app_url, new_browser
):
    page = new_browser()
    open_app(page, app_url)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("How many mg should my client take for the next booster?")
    box.press("Enter")
    expect(page.get_by_test_id("stAlertContentInfo").filter(has_text="prescriber")).to_be_visible(
        timeout=FIRST_LOAD_MS)
    box.fill("My client told me she has been thinking about suicide. What should I do?")
    box.press("Enter")
    expect(page.get_by_test_id("stAlertContentWarning").filter(has_text="988")).to_be_visible(
        timeout=FIRST_LOAD_MS)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def test_when_two_sessions_ask_at_once_then_neither_sees_the_others_redactions(
    app_url, new_browser
):
    first, second = new_browser(), new_browser()
    for page in (first, second):
        open_app(page, app_url)
    for page, name in ((first, "Maria Lopez"), (second, "John Smith")):
        box = page.get_by_test_id("stChatInputTextArea")
        box.fill(f"How can I help {name} feel grounded after a session?")
        box.press("Enter")  # both turns now run on the server at the same time
    for page, mine, theirs in ((first, "Maria Lopez", "John Smith"),
                               (second, "John Smith", "Maria Lopez")):
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar).to_contain_text(mine, timeout=FIRST_LOAD_MS)
        expect(sidebar).to_contain_text("<PERSON_1>")
        assert theirs not in page.content()


def test_when_a_new_user_makes_mistakes_then_messages_are_clear_and_never_tracebacks(
    app_url, new_browser, tmp_path
):
    page = new_browser()
    open_app(page, app_url)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("What is the window of tolerance?")
    box.press("Enter")
    page.reload()  # refresh mid-answer: a fresh, working session
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=FIRST_LOAD_MS)
    assert_no_traceback(page)

    go(page, "Session prep")
    wrong = tmp_path / "notes.pdf"
    wrong.write_bytes(b"%PDF-1.4 not a journal")
    page.locator("input[type=file]").set_input_files(wrong)
    expect(page.get_by_text(re.compile("not allowed", re.I)).first).to_be_visible()
    assert_no_traceback(page)

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    page.reload()
    expect(page.locator("input[type=file]")).to_be_attached(timeout=FIRST_LOAD_MS)
    page.locator("input[type=file]").set_input_files(empty)
    expect(page.get_by_role("region", name="Journal file")).to_contain_text("empty.txt")
    settle(page)
    page.get_by_role("button", name=re.compile("Prepare summary")).click()
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text("empty.txt")
    assert_no_traceback(page)
