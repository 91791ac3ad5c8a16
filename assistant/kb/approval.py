"""Approval: record a reviewer's approval in a document's front matter, and tell which
documents are approved now."""

from __future__ import annotations

import os
import tempfile
import threading
from datetime import date
from pathlib import Path

import yaml

from assistant.errors import InputError
from assistant.kb.corpus import Corpus, load_corpus
from assistant.kb.documents import KnowledgeDocument, Review


def approve(corpus: Corpus, doc_id: str, reviewer: str, on: date) -> KnowledgeDocument:
    """Mark ``doc_id`` approved by ``reviewer`` for its current content; rewrite its file."""
    reviewer = reviewer.strip()
    if not reviewer:
        raise InputError("A reviewer name is required: kap kb approve DOC_ID --reviewer NAME")
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
    text = f"---\n{header}---\n{doc.body}"
    fd, tmp = tempfile.mkstemp(dir=doc.path.parent, prefix=f".{doc.path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, doc.path)


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
