"""Approval: record a reviewer's approval in a document's front matter or in the vocabulary
file, and tell which documents are approved now."""

from __future__ import annotations

import os
import re
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from assistant.errors import InputError
from assistant.kb.corpus import Corpus, load_corpus
from assistant.kb.documents import KnowledgeDocument, Review
from assistant.kb.vocabulary import VOCABULARY_FILE, Vocabulary

VOCABULARY_ID = "vocabulary"
_REVIEW_BLOCK = re.compile(r"^review:[^\n]*\n(?:[ \t]+[^\n]*\n)*", re.MULTILINE)


@dataclass
class ApprovedVocabulary:
    """What ``approve`` returns for the vocabulary: the same ``id`` and ``meta.review`` as a document."""

    id: str
    meta: Vocabulary


def approve(
    corpus: Corpus, doc_id: str, reviewer: str, on: date
) -> KnowledgeDocument | ApprovedVocabulary:
    """Mark ``doc_id`` (or ``vocabulary``) approved by ``reviewer`` for its current content;
    rewrite its file."""
    reviewer = reviewer.strip()
    if not reviewer:
        raise InputError("A reviewer name is required: kap kb approve DOC_ID --reviewer NAME")
    if doc_id == VOCABULARY_ID:
        return _approve_vocabulary(corpus, reviewer, on)
    doc = corpus.get(doc_id)
    if doc is None:
        raise InputError(f"No valid document {doc_id!r}; run `kap kb validate` or `kap kb list`")
    doc.meta.review = Review(
        status="approved", reviewer=reviewer, reviewed_on=on, content_sha256=doc.content_sha256()
    )
    write_document(doc)
    return doc


def write_document(doc: KnowledgeDocument) -> None:
    """Write front matter and body atomically, so an interrupted write loses nothing."""
    header = yaml.safe_dump(
        doc.meta.model_dump(mode="json"), sort_keys=False, allow_unicode=True, width=88
    )
    _write_atomically(doc.path, f"---\n{header}---\n{doc.body}")


def _write_atomically(path: Path, text: str) -> None:
    """An interrupted write leaves the old file, never half a new one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def _approve_vocabulary(corpus: Corpus, reviewer: str, on: date) -> ApprovedVocabulary:
    """Rewrite only the review block, so the file's comments and layout survive."""
    vocabulary = corpus.vocabulary
    if vocabulary is None:
        raise InputError(f"No valid {VOCABULARY_FILE} in the knowledge folder; run `kap kb validate`")
    path = corpus.folder / VOCABULARY_FILE
    vocabulary.review = Review(
        status="approved", reviewer=reviewer, reviewed_on=on, content_sha256=vocabulary.content_sha256()
    )
    block = yaml.safe_dump({"review": vocabulary.review.model_dump(mode="json")}, sort_keys=False)
    text = path.read_text(encoding="utf-8")
    if _REVIEW_BLOCK.search(text):
        text = _REVIEW_BLOCK.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip("\n") + "\n" + block
    _write_atomically(path, text)
    return ApprovedVocabulary(id=VOCABULARY_ID, meta=vocabulary)



def folder_signature(folder: Path) -> tuple:
    """Changes whenever a document file is added, removed, edited or rewritten (approved)."""
    entries = []
    for path in folder.glob("*.md"):
        try:
            stat = path.stat()
        except FileNotFoundError:  # removed while we looked; the next call sees it gone
            continue
        entries.append((path.name, stat.st_mtime_ns, stat.st_size, stat.st_ino))
    return tuple(sorted(entries))


class ApprovedDocuments:
    """Callable: the ids of the documents approved *now* (unchanged since approval).

    Cheap enough to call on every retrieval: a ``stat`` per file, and the corpus is read
    again only when the folder's signature changed, so an edited or un-approved document
    stops answering in a running app without a restart.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._lock = threading.Lock()  # the UI shares one retriever across sessions
        self._signature: tuple | None = None
        self._ids: frozenset[str] = frozenset()

    def __call__(self) -> frozenset[str]:
        with self._lock:
            signature = folder_signature(self.folder)  # taken first: a later edit is seen next time
            if signature != self._signature:
                corpus = load_corpus(self.folder)
                self._ids = frozenset(doc.id for doc in corpus.approved)
                self._signature = signature
            return self._ids
