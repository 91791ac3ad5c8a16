"""Score predicted spans against generated labels, per type, the way the PHI evals count.

Recall: a labelled identifier is *caught* when every alphanumeric character of it lies in a
predicted span of any type (what scrubbing needs); *typed* when that span also has its type.
Precision: a predicted span is correct when it overlaps a labelled identifier of its type.
"""

from __future__ import annotations

from collections import Counter

from tools.phi_tagger.generate import LABELS, Example

Span = tuple[int, int, str]


def score(examples: list[Example], predictions: list[list[Span]]) -> dict:
    gold_n, caught, typed = Counter(), Counter(), Counter()
    pred_n, correct = Counter(), Counter()
    for example, spans in zip(examples, predictions):
        text = example.text
        cover: dict[int, set[str]] = {}
        for start, end, kind in spans:
            for i in range(start, end):
                cover.setdefault(i, set()).add(kind)
        for start, end, kind in example.spans:
            gold_n[kind] += 1
            chars = [i for i in range(start, end) if text[i].isalnum()]
            if all(i in cover for i in chars):
                caught[kind] += 1
                if all(kind in cover[i] for i in chars):
                    typed[kind] += 1
        for start, end, kind in spans:
            pred_n[kind] += 1
            if any(start < g_end and g_start < end and kind == g_kind for g_start, g_end, g_kind in example.spans):
                correct[kind] += 1
    per_type = {
        kind: {
            "n": gold_n[kind],
            "recall": _ratio(caught[kind], gold_n[kind]),
            "typed_recall": _ratio(typed[kind], gold_n[kind]),
            "predicted": pred_n[kind],
            "precision": _ratio(correct[kind], pred_n[kind]),
        }
        for kind in LABELS
    }
    return {
        "texts": len(examples),
        "identifiers": sum(gold_n.values()),
        "recall": _ratio(sum(caught.values()), sum(gold_n.values())),
        "precision": _ratio(sum(correct.values()), sum(pred_n.values())),
        "per_type": per_type,
    }


def false_positive_rate(examples: list[Example], predictions: list[list[Span]]) -> float:
    """Share of texts without any identifier in which something was still predicted."""
    clean = [spans for example, spans in zip(examples, predictions) if not example.spans]
    return _ratio(sum(bool(spans) for spans in clean), len(clean))


def table(results: dict[str, dict]) -> str:
    """A Markdown table: one row per type, recall / precision per system."""
    names = list(results)
    head = "| type | n | " + " | ".join(f"{name} R | {name} P" for name in names) + " |"
    rule = "|---|---:|" + "---:|---:|" * len(names)
    rows = [head, rule]
    first = results[names[0]]
    for kind in LABELS:
        cells = [f"{results[n]['per_type'][kind]['recall']:.3f} | {results[n]['per_type'][kind]['precision']:.3f}"
                 for n in names]
        rows.append(f"| {kind} | {first['per_type'][kind]['n']} | " + " | ".join(cells) + " |")
    cells = [f"**{results[n]['recall']:.3f}** | **{results[n]['precision']:.3f}**" for n in names]
    rows.append(f"| all | {first['identifiers']} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0
