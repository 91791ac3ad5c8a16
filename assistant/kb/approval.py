"""Record a reviewer's approval in a document's front matter, or in the vocabulary file."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from assistant.errors import InputError
from assistant.kb.corpus import Corpus
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

