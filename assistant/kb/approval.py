"""Record a reviewer's approval in a document's front matter."""

from __future__ import annotations

import os
import tempfile
from datetime import date

import yaml

from assistant.errors import InputError
from assistant.kb.corpus import Corpus
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
