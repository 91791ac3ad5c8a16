"""The alternative we measured: spaCy's small NER retrained on the same generated data.

Sources the ``ner`` component (with its own tok2vec) from the packaged small model, adds our
labels and trains on the same split the MiniLM tagger sees; prints dev figures as JSON. It
is kept for the comparison in docs/evaluation/phi-tagger.md, not shipped.

    python -m tools.phi_tagger.train_spacy [--out /tmp/phi-spacy]
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from pathlib import Path

from assistant.config import Settings
from assistant.privacy.engine import resolve_spacy_model
from tools.phi_tagger import generate as gen
from tools.phi_tagger.measure import false_positive_rate, score

log = logging.getLogger("phi_tagger.spacy")
RECIPE = {"epochs": 3, "batch_size": 32, "dropout": 0.2, "seed": 13}


def to_examples(nlp, examples: list[gen.Example]):
    from spacy.training import Example as SpacyExample

    out = []
    for example in examples:
        doc = nlp.make_doc(example.text)
        entities, taken = [], set()
        for start, end, label in example.spans:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            entities.append((span.start_char, span.end_char, label))
        out.append(SpacyExample.from_dict(doc, {"entities": entities}))
    return out


def main(argv: list[str] | None = None) -> None:
    import spacy
    from spacy.util import fix_random_seed, minibatch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--n", type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    fix_random_seed(RECIPE["seed"])

    source = spacy.load(resolve_spacy_model(Settings().spacy_model))
    nlp = spacy.blank("en")
    nlp.add_pipe("ner", source=source)
    ner = nlp.get_pipe("ner")
    for label in gen.LABELS:
        ner.add_label(label)
    train_set = to_examples(nlp, gen.generate("train", args.n))
    optimiser = nlp.resume_training()
    rng = random.Random(RECIPE["seed"])
    for epoch in range(RECIPE["epochs"]):
        rng.shuffle(train_set)
        losses, started = {}, time.perf_counter()
        for batch in minibatch(train_set, size=RECIPE["batch_size"]):
            nlp.update(batch, drop=RECIPE["dropout"], sgd=optimiser, losses=losses)
        log.info("epoch %d: loss %.1f (%.0f s)", epoch + 1, losses["ner"], time.perf_counter() - started)

    dev = gen.generate("dev")
    texts = [e.text for e in dev]
    list(nlp.pipe(texts[:32]))
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    elapsed = time.perf_counter() - started
    spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in gen.LABELS] for doc in docs]
    figures = score(dev, spans)
    figures["false_positive_texts"] = false_positive_rate(dev, spans)
    figures["ms_per_text"] = round(1000 * elapsed / len(texts), 2)
    figures["ner_bytes"] = len(ner.to_bytes())
    if args.out:
        nlp.to_disk(args.out)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
