"""Questionnaire score trends, read against the thresholds cited in measurement-based-care."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.models import Citation, JournalEntry, ScoreSeries

MEASUREMENT_DOC = "measurement-based-care"


@dataclass(frozen=True)
class Threshold:
    label: str
    meaningful_change: int
    source: str  # the words that identify the knowledge-base passage stating it


THRESHOLDS = {
    "phq9": Threshold("PHQ-9", 5, "PHQ-9"),
    "gad7": Threshold("GAD-7", 4, "GAD-7"),
    "pcl5": Threshold("PCL-5", 10, "PCL-5"),
}


def interpret(measure: str, first: int, last: int) -> str:
    threshold = THRESHOLDS[measure]
    change = last - first
    size = abs(change)
    if size >= threshold.meaningful_change:
        direction = "improvement" if change < 0 else "worsening"
        text = (
            f"{threshold.label} moved from {first} to {last}: a change of {size} points, at or "
            f"above the {threshold.meaningful_change}-point change the cited literature treats as "
            f"clinically meaningful ({direction})."
        )
    else:
        text = (
            f"{threshold.label} moved from {first} to {last}: a change of {size} points, below the "
            f"{threshold.meaningful_change}-point change the cited literature treats as meaningful."
        )
    if measure == "phq9" and first > 0:
        if last < 5:
            text += " The latest score is below 5, the usual definition of remission."
        elif last <= first / 2:
            text += " That is a drop of at least half, the usual definition of response."
    return text


def score_series(entries: list[JournalEntry], citations: dict[str, Citation]) -> list[ScoreSeries]:
    """One series per measure present in at least two entries."""
    series = []
    for measure in THRESHOLDS:
        points = [(e.date, getattr(e, measure)) for e in entries if getattr(e, measure) is not None]
        if len(points) < 2:
            continue
        first, last = points[0][1], points[-1][1]
        series.append(
            ScoreSeries(
                measure=measure,
                points=points,
                first=first,
                last=last,
                change=last - first,
                interpretation=interpret(measure, first, last),
                citation=citations.get(measure),
            )
        )
    return series
