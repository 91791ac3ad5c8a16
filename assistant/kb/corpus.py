"""Load the knowledge folder, validate every document and report every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.dose_amounts import find_dose_amounts
from assistant.errors import CorpusError
from assistant.kb.documents import (
    MIN_WORDS,
    DocumentProblem,
    InvalidDocument,
    KnowledgeDocument,
    parse_document,
)
from assistant.kb.vocabulary import Vocabulary, load_vocabulary

SECTION_HEADING = re.compile(r"^##\s+\S", re.MULTILINE)
IGNORED_FILES = {"README.md"}


@dataclass
class Corpus:
    """Documents that parsed, and every problem found on the way."""

    documents: list[KnowledgeDocument] = field(default_factory=list)
    problems: list[DocumentProblem] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    folder: Path | None = None

    @property
    def approved(self) -> list[KnowledgeDocument]:
        return [doc for doc in self.documents if doc.is_approved]

    def get(self, doc_id: str) -> KnowledgeDocument | None:
        return next((doc for doc in self.documents if doc.id == doc_id), None)

    def raise_if_invalid(self) -> None:
        if self.problems:
            raise CorpusError([str(problem) for problem in self.problems])


def content_problems(doc: KnowledgeDocument) -> list[DocumentProblem]:
    """Rules on the body that the front-matter model cannot express."""
    problems = []

    def add(fld: str, message: str) -> None:
        problems.append(DocumentProblem(path=doc.path, field=fld, message=message))

    words = doc.word_count()
    if words < MIN_WORDS:
        add("body", f"has {words} words; at least {MIN_WORDS} are required")
    if len(SECTION_HEADING.findall(doc.body)) < 2:
        add("body", "needs at least two '## ' sections a clinician can scan")
    for start, end in find_dose_amounts(doc.body):
        line = doc.body.count("\n", 0, start) + 1
        add(f"body line {line}", f"contains a dose amount {doc.body[start:end]!r}; remove it")
    for ref_index, ref in enumerate(doc.meta.references):
        if find_dose_amounts(ref):
            add(f"references.{ref_index}", "contains a dose amount")
    return problems


def load_corpus(folder: Path) -> Corpus:
    """Parse every ``*.md`` in ``folder`` and its vocabulary; never stops at the first bad file."""
    if not folder.is_dir():
        raise CorpusError([f"{folder}: folder: knowledge folder not found (set KAP_KNOWLEDGE_DIR)"])
    corpus = Corpus(folder=folder)
    for path in sorted(folder.glob("*.md")):
        if path.name in IGNORED_FILES:
            continue
        try:
            doc = parse_document(path)
        except InvalidDocument as exc:
            corpus.problems.extend(exc.problems)
            continue
        corpus.documents.append(doc)
        corpus.problems.extend(content_problems(doc))
    corpus.vocabulary, vocabulary_problems = load_vocabulary(folder)
    corpus.problems.extend(vocabulary_problems)
    if not corpus.documents and not corpus.problems:
        corpus.problems.append(
            DocumentProblem(path=folder, field="folder", message="contains no documents")
        )
    return corpus
