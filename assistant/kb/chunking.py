"""Split a document into retrievable chunks by its Markdown headings, with stable ids."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from assistant.kb.documents import KnowledgeDocument

HEADING = re.compile(r"^(#{2,4})\s+(.+?)\s*#*\s*$")
MAX_CHUNK_WORDS = 180
SUMMARY_SECTION = "Summary"


@dataclass(frozen=True)
class Chunk:
    """A passage plus everything the store keeps about it."""

    chunk_id: str
    doc_id: str
    section: str
    text: str
    embed_text: str
    metadata: dict

    @property
    def content_sha256(self) -> str:
        """Changes only when what is embedded changes."""
        return hashlib.sha256(self.embed_text.encode("utf-8")).hexdigest()


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _sections(body: str) -> list[tuple[str, str]]:
    """``(section path, text)`` pairs; deeper headings extend the path ("A > B")."""
    path: list[str] = []
    current: list[str] = []
    sections: list[tuple[str, str]] = []

    def close() -> None:
        text = "\n".join(current).strip()
        if text:
            sections.append((" > ".join(path) or "Introduction", text))
        current.clear()

    for line in body.splitlines():
        match = HEADING.match(line)
        if match:
            close()
            depth = len(match.group(1)) - 2
            path[:] = path[:depth] + [match.group(2).strip()]
        else:
            current.append(line)
    close()
    return sections


def _split_long(text: str) -> list[str]:
    """Group paragraphs into pieces of at most ~MAX_CHUNK_WORDS words."""
    pieces, piece, words = [], [], 0
    for paragraph in re.split(r"\n\s*\n", text):
        size = len(paragraph.split())
        if piece and words + size > MAX_CHUNK_WORDS:
            pieces.append("\n\n".join(piece))
            piece, words = [], 0
        piece.append(paragraph.strip())
        words += size
    if piece:
        pieces.append("\n\n".join(piece))
    return pieces


def chunk_document(doc: KnowledgeDocument) -> list[Chunk]:
    """A summary chunk, then one or more chunks per section, in reading order."""
    meta = doc.meta
    metadata = {
        "doc_id": meta.id,
        "title": meta.title,
        "summary": meta.summary.strip(),
        "audience": meta.audience,
        "phase": meta.phase,
        "topics": "|" + "|".join(meta.topics) + "|",
        "references": json.dumps(meta.references, ensure_ascii=False),
        "approved": doc.is_approved,
    }
    summary = f"{meta.summary.strip()} Topics: {', '.join(meta.topics)}."
    pieces = [(SUMMARY_SECTION, summary)]
    for section, text in _sections(doc.body):
        pieces.extend((section, part) for part in _split_long(text))

    chunks, seen = [], {}
    for section, text in pieces:
        base = f"{meta.id}#{slugify(section)}"
        seen[base] = seen.get(base, 0) + 1
        chunk_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        embed_text = f"{meta.title} — {section}\n{text}"
        chunks.append(
            Chunk(
                chunk_id=chunk_id,
                doc_id=meta.id,
                section=section,
                text=text,
                embed_text=embed_text,
                metadata={**metadata, "section": section},
            )
        )
    return chunks
