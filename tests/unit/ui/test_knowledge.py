"""Knowledge base page: browse, search, review status; unapproved documents marked."""

from __future__ import annotations

from tests.unit.ui.conftest import assert_clean, texts


def test_when_page_opens_then_every_document_is_listed_with_review_status(page, repo):
    at = page("Knowledge base")
    assert_clean(at)
    table = at.dataframe[0].value
    documents = [p for p in (repo / "knowledge").glob("*.md") if p.name != "README.md"]
    assert len(table) == len(documents)
    assert {"title", "status", "reviewer", "reviewed"} <= set(table.columns)
    assert at.metric[0].label == "Documents" and at.metric[0].value == str(len(documents))


def test_when_searching_then_only_matching_documents_remain(page):
    at = page("Knowledge base")
    at.text_input[0].set_value("window of tolerance").run()
    titles = list(at.dataframe[0].value["title"])
    assert "Window of tolerance" in titles and len(titles) < 10
    at.text_input[0].set_value("zzqx nothing matches this").run()
    assert "No document matches" in texts(at.info)[0]


def test_when_a_document_is_open_then_summary_reviewer_and_references_show(page):
    at = page("Knowledge base")
    at.text_input[0].set_value("safety planning").run()
    panel = next(e for e in at.expander if "afety" in e.label)
    inside = " ".join(texts(panel.markdown) + texts(panel.caption))
    assert "References" in inside and "reviewed by" in inside


def test_when_a_document_changed_since_approval_then_it_is_visibly_marked(
    page, monkeypatch, small_corpus
):
    path = small_corpus / "self-compassion.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nAn unreviewed extra line.\n",
                    encoding="utf-8")
    monkeypatch.setenv("KAP_KNOWLEDGE_DIR", str(small_corpus))
    at = page("Knowledge base")
    assert_clean(at)
    table = at.dataframe[0].value
    status = dict(zip(table["title"], table["status"], strict=True))
    marked = [title for title, state in status.items() if state.startswith("NOT IN USE")]
    assert len(marked) == 1 and "changed since approval" in status[marked[0]]
    assert [e.label for e in at.expander if "not in use" in e.label] == [
        f"{marked[0]} — not in use (changed since approval)"]
    assert "changed since approval" in texts(at.warning)[0]
