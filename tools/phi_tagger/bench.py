"""The whole scrubber with and without the tagger, beside Presidio's default analyzer.

Texts: our generated dev split, the PHI eval's generated dev cases and its hand-written
journal dev set (never a held-out file). With the tagger, the batch is primed first, as the
scrubber's batch hook does. Prints recall, precision and ms per text as JSON.

    python -m tools.phi_tagger.bench [--n 300]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import yaml

from assistant.config import Settings
from assistant.normalize import normalize
from assistant.privacy.config import DEFAULT_CONFIG, load_privacy_config
from assistant.privacy.engine import build_baseline_analyzer
from assistant.privacy.recognizers.tagger import prime_tagger
from assistant.privacy.scrubber import PresidioScrubber
from evals import phi as phi_eval
from tools.phi_tagger import generate as gen

TAGGER = "PhiTaggerRecognizer"


def _cases(n: int) -> dict[str, list[dict]]:
    ours = [
        {"id": f"tagger-dev-{i}", "text": e.text,
         "entities": [{"type": t, "start": s, "end": x} for s, x, t in e.spans]}
        for i, e in enumerate(gen.generate("dev", n))
    ]
    return {
        "tagger-dev": ours,
        "generated-dev": phi_eval.generate(phi_eval.DEV_TEMPLATES, max(1, n // 15), seed=1, prefix="gen-dev"),
        "journal-dev": phi_eval.load_cases(phi_eval.DATA / "dev.jsonl"),
    }


def _config_without_tagger(folder: Path) -> Path:
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    raw["custom_recognizers"] = [name for name in raw["custom_recognizers"] if name != TAGGER]
    path = folder / "presidio-no-tagger.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def _scrubber_predict(scrubber: PresidioScrubber, prime: bool):
    def predict(texts):
        if prime:
            prime_tagger(scrubber.analyzer, [normalize(t).text for t in texts])
        return [[(e.start, e.end, e.type) for e in found] for found in scrubber.find_many(texts)]

    return predict


def _baseline_predict(analyzer):
    def predict(texts):
        return [[(r.start, r.end, r.entity_type) for r in analyzer.analyze(text=t, language="en")] for t in texts]

    return predict


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300,
                        help="texts from our dev split (and about as many generated eval cases)")
    args = parser.parse_args(argv)
    settings = Settings()
    type_map = load_privacy_config().placeholder_types
    with tempfile.TemporaryDirectory() as folder:
        plain = PresidioScrubber(settings.model_copy(update={"presidio_config": _config_without_tagger(Path(folder))}))
        plain.warm_up()
    tagged = PresidioScrubber(settings)
    tagged.warm_up()
    systems = {
        "presidio-default": _baseline_predict(build_baseline_analyzer(settings)),
        "scrubber": _scrubber_predict(plain, prime=False),
        "scrubber+tagger": _scrubber_predict(tagged, prime=True),
    }
    report = {}
    for suite, cases in _cases(args.n).items():
        texts = [case["text"] for case in cases]
        report[suite] = {}
        for name, predict in systems.items():
            predict(texts[:8])
            started = time.perf_counter()
            spans = predict(texts)
            ms = 1000 * (time.perf_counter() - started) / len(texts)
            scored = phi_eval.score(cases, spans, type_map)
            report[suite][name] = {
                "recall": scored["recall"], "precision": scored["precision"], "ms_per_text": round(ms, 2),
                "per_type_recall": {k: v["recall"] for k, v in scored["per_type"].items()},
            }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
