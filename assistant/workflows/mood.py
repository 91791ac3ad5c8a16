"""Mood per entry with VADER, a lexicon model that runs offline."""

from __future__ import annotations

from assistant.models import JournalEntry, MoodPoint


class MoodScorer:
    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._vader = SentimentIntensityAnalyzer()

    def score(self, entry_date, text: str) -> MoodPoint:
        compound = float(self._vader.polarity_scores(text)["compound"])
        if compound <= -0.35:
            label = "low"
        elif compound >= 0.35:
            label = "positive"
        elif abs(compound) < 0.05:
            label = "neutral"
        else:
            label = "mixed"
        return MoodPoint(date=entry_date, score=round(compound, 3), label=label)

    def series(self, entries: list[JournalEntry], texts: list[str]) -> list[MoodPoint]:
        return [self.score(e.date, text) for e, text in zip(entries, texts, strict=True)]


def trend(points: list[MoodPoint]) -> str:
    """A plain description comparing the earlier and the later half of the entries."""
    if len(points) < 4:
        return "Too few entries to describe a mood trend."
    half = len(points) // 2
    early = sum(p.score for p in points[:half]) / half
    late = sum(p.score for p in points[half:]) / (len(points) - half)
    if late - early > 0.2:
        return "Journal tone became more positive across the entries."
    if early - late > 0.2:
        return "Journal tone became more negative across the entries."
    return "Journal tone was broadly stable across the entries."
