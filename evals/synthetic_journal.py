"""A deterministic synthetic journal of any length, for benchmarks (no real client data)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from assistant.models import JournalEntry

SENTENCES = [
    "I felt my ego dissolve and it was strangely peaceful.",
    "The old voice came back telling me I am not enough.",
    "I walked by the river and felt grounded for a while.",
    "My partner and I talked honestly about the last months.",
    "I could not sleep and my thoughts kept racing.",
    "I realized that I have been carrying my father's expectations for years.",
    "My shoulders were tense all day and I noticed my jaw clenching.",
    "I felt hopeful this morning, which surprised me.",
    "Work has been overwhelming and I do not see the point of it.",
    "I cried about my grandmother and it felt like a release.",
    "My intention is to be kinder to myself this week.",
    "I sat in the garden and listened to the birds.",
    "I was scared during the session but I stayed with it.",
    "I called my sister and we laughed for the first time in ages.",
    "The heaviness is back and I stayed in bed most of the afternoon.",
    "I signed up for a pottery class to try something new.",
]


def synthetic_journal(entries: int, seed: int = 7) -> list[JournalEntry]:
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    return [
        JournalEntry(
            date=start + timedelta(days=i),
            text=" ".join(rng.sample(SENTENCES, rng.randint(4, 8))),
            phq9=max(0, 18 - i // 20) if i % 14 == 0 else None,
        )
        for i in range(entries)
    ]
