"""Altair charts for the journal summary and the evaluation reports (no PHI: dates and numbers)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from assistant.models import MoodPoint, ScoreSeries

MOOD_COLOURS = alt.Scale(
    domain=["low", "mixed", "neutral", "positive"],
    range=["#b5654a", "#c9a227", "#8a9aa6", "#4f8a6e"],
)
MEASURE_NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7", "pcl5": "PCL-5"}
MEASURE_MAX = {"phq9": 27, "gad7": 21, "pcl5": 80}


def mood(points: list[MoodPoint]) -> alt.Chart:
    """Journal tone per entry, from -1 (very negative) to 1 (very positive)."""
    data = pd.DataFrame([p.model_dump() for p in points])
    base = alt.Chart(data).encode(x=alt.X("date:T", title=None))
    line = base.mark_line(color="#8a9aa6", strokeWidth=1.5).encode(
        y=alt.Y("score:Q", title="tone", scale=alt.Scale(domain=[-1, 1]))
    )
    dots = base.mark_circle(size=80, opacity=1).encode(
        y="score:Q",
        color=alt.Color("label:N", scale=MOOD_COLOURS, title="tone"),
        tooltip=[alt.Tooltip("date:T"), "label:N", alt.Tooltip("score:Q", format=".2f")],
    )
    return (line + dots).properties(height=220)


def scores(series: ScoreSeries) -> alt.Chart:
    """One questionnaire's scores across the journal; higher is more severe."""
    data = pd.DataFrame(series.points, columns=["date", "score"])
    name = MEASURE_NAMES.get(series.measure, series.measure)
    top = MEASURE_MAX.get(series.measure, int(data["score"].max()))
    return (
        alt.Chart(data)
        .mark_line(point=True, color="#5b7c99")
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("score:Q", title=name, scale=alt.Scale(domain=[0, top])),
            tooltip=[alt.Tooltip("date:T"), alt.Tooltip("score:Q", title=name)],
        )
        .properties(height=200)
    )


def grouped_bars(rows: list[dict], *, label: str, value: str, group: str, title: str) -> alt.Chart:
    """Horizontal bars of ``value`` (0–1) per ``label``, side by side per ``group``."""
    data = pd.DataFrame(rows)
    return (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=2)
        .encode(
            y=alt.Y(f"{label}:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            yOffset=alt.YOffset(f"{group}:N", sort=None),
            x=alt.X(f"{value}:Q", title=title, scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%")),
            color=alt.Color(f"{group}:N", title=None, sort=None,
                            scale=alt.Scale(range=["#4f8a6e", "#b8c4cc", "#5b7c99"]),
                            legend=alt.Legend(orient="top")),
            tooltip=[f"{label}:N", f"{group}:N", alt.Tooltip(f"{value}:Q", format=".1%")],
        )
        .properties(height=alt.Step(11))  # one bar per step; the chart grows with rows
    )
