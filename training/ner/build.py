"""Train kroscek's Indonesian NER models from ../shared/data and write them into the package.

    make train-ner            # the shipped model (xs, 30 epochs), about 6 minutes on two cores
    python training/ner/build.py --size md --epochs 20   # the other points of the frontier

Data and label mapping (documented in kroscek/models/README.md):

| set (folder)                  | labels used                        | mapped to        |
|-------------------------------|------------------------------------|------------------|
| NER UGM (indolem_ner/nerugm)  | PERSON, LOCATION, ORGANIZATION      | PER, LOC, ORG    |
| NER UI (indolem_ner/nerui)    | PERSON, LOCATION, ORGANIZATION      | PER, LOC, ORG    |
| NERGrit (indonlu)             | PERSON, PLACE, ORGANISATION         | PER, LOC, ORG    |
| NERP (indonlu, lower-cased)   | PPL, PLC, IND (EVT, FNB dropped)    | PER, LOC, ORG    |
| idner-news-2k                 | PER, LOC, ORG                       | PER, LOC, ORG    |

TIME and QUANTITY (NER UGM) are left to the date and quantity stages. The sets overlap (the
same news sentences appear in several), so every training or dev sentence whose text occurs in
any test file is dropped before training: test scores are on unseen sentences.

Deterministic: fixed seed, sorted inputs, single process. The model is written to
kroscek/models/ner-id-<size>/; only ner-id-xs is committed and ships in the wheel (the
F1-vs-speed frontier that chose it is in kroscek/models/README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from kroscek.evaluate.ner import SETS, read_conll, to_doc
from kroscek.evaluate.ner import score_sentences as score

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
MODELS = ROOT / "kroscek" / "models"

SIZES = {
    # name: (tok2vec width, depth, embed rows, parser hidden width; 0 = no hidden layer)
    "xs": (64, 2, 2000, 0),
    "sm": (64, 2, 2000, 64),
    "md": (128, 4, 5000, 128),
}


def key(tokens: list[str]) -> str:
    return " ".join(tokens).lower()


def build_nlp(size: str) -> spacy.language.Language:
    width, depth, rows, hidden = SIZES[size]
    nlp = spacy.blank("id")
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": hidden or 64,
                "maxout_pieces": 2,
                "use_upper": hidden > 0,
                "nO": None,
                "tok2vec": {
                    "@architectures": "spacy.HashEmbedCNN.v2",
                    "pretrained_vectors": None,
                    "width": width,
                    "depth": depth,
                    "embed_size": rows,
                    "window_size": 1,
                    "maxout_pieces": 3,
                    "subword_features": True,
                },
            }
        },
    )
    return nlp


def load_splits() -> tuple[
    list[tuple[list[str], list[str]]], list[tuple[list[str], list[str]]], dict[str, list[tuple[list[str], list[str]]]]
]:
    tests = {name: read_conll(DATA / files[2]) for name, files in SETS.items()}
    test_keys = {key(t) for sents in tests.values() for t, _ in sents}
    train, dev, seen = [], [], set(test_keys)
    for name in sorted(SETS):
        for split, bucket in ((0, train), (1, dev)):
            for tokens, labels in read_conll(DATA / SETS[name][split]):
                k = key(tokens)
                if k in seen:
                    continue  # held out: it occurs in a test file (or was taken already)
                seen.add(k)
                bucket.append((tokens, labels))
    return train, dev, tests


def train(size: str, epochs: int, seed: int) -> None:
    fix_random_seed(seed)
    random.seed(seed)
    train_set, dev_set, tests = load_splits()
    print(f"train {len(train_set)} sentences, dev {len(dev_set)}, tests {[len(v) for v in tests.values()]}")
    nlp = build_nlp(size)
    examples = [Example(Doc(nlp.vocab, words=t), to_doc(nlp.vocab, t, tags)) for t, tags in train_set]
    nlp.initialize(lambda: examples, sgd=None)
    optimizer = nlp.create_optimizer()
    best, best_bytes = -1.0, None
    for epoch in range(epochs):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        began = time.perf_counter()
        for batch in minibatch(examples, size=64):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        dev = score(nlp, dev_set)
        print(f"epoch {epoch + 1}: loss {losses['ner']:.0f} dev F1 {dev['f']:.4f} ({time.perf_counter() - began:.0f}s)")
        sys.stdout.flush()
        if dev["f"] > best:
            best, best_bytes = dev["f"], nlp.to_bytes()
    assert best_bytes is not None
    nlp.from_bytes(best_bytes)
    out = MODELS / f"ner-id-{size}"
    nlp.meta.update(
        {
            "name": f"ner_id_{size}",
            "version": "0.1.0",
            "description": "kroscek Indonesian NER (PER, LOC, ORG), trained by training/ner/build.py",
            "license": "see README",
        }
    )
    nlp.to_disk(out)
    results = {name: score(nlp, sents) for name, sents in tests.items()}
    results["dev"] = {"f": best}
    (out / "scores.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="xs")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: training needs ../shared/data")
    train(args.size, args.epochs, args.seed)


if __name__ == "__main__":
    main()
