"""Train kroscek's English attribution tagger (source, cue, content) on PolNeAR train.

    make train-attribution     # the shipped model: about 10 minutes on one core
    python training/attribution/build.py --no-parse --no-rules --out /tmp/plain   # the comparisons
    python training/attribution/build.py --oracle    # gold tags read back: the decoding's ceiling

A linear-chain CRF (CRFsuite, L-BFGS with L1 and L2 penalties) over each paragraph's tokens,
with the features of ``kroscek.annotate.quotes.tagger``: the rule readers' spans (``--rules``),
spaCy's parse (``--parse``) and the context classes (``--clusters``: k-means on train's context
vectors, the centroids written beside the model) are on by default. Chosen and tuned on PolNeAR
dev (``kroscek eval polnear``); test stays unread. An article annotated by several annotators is
trained on once, its first annotation. Writes model.crfsuite.gz, clusters.npy and meta.json into
``--out``.

Deterministic: CRFsuite's L-BFGS has no randomness; inputs are read in sorted order; k-means
draws its sample and its first centroids from a fixed seed and runs on one thread.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from kroscek.annotate.quotes.resolve import read_rules
from kroscek.annotate.quotes.tagger import (
    CLUSTERS,
    MODEL,
    Paragraph,
    features,
    group,
    paragraphs,
    parse,
    rule_tags,
    snapped,
    token_features,
)
from kroscek.annotate.sentences import split_sentences
from kroscek.evaluate.polnear import PolnearScore, articles, read_ann, read_fragments
from kroscek.model import Sentence

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def gold_tags(paragraph: Paragraph, fragments: list[tuple[str, int, int]]) -> list[str]:
    """Per token, B-/I- of the fragment it lies in (by its first character), else O."""
    tags = ["O"] * len(paragraph.tokens)
    begin, end = paragraph.tokens[0][0], paragraph.tokens[-1][1]
    for kind, a, b in fragments:
        if b <= begin or a >= end:
            continue
        inside = [i for i, (s, _) in enumerate(paragraph.tokens) if a <= s < b]
        for n, i in enumerate(inside):
            tags[i] = f"{'B' if n == 0 else 'I'}-{kind}"
    return tags


def load(split: str, first_only: bool, with_parse: bool) -> list[tuple[Path, str, list[Sentence], Any]]:
    """(annotation file, text, sentences, spaCy's parse or None) of each article of a split."""
    out, seen = [], set()
    for ann, text in articles(POLNEAR, split):
        stem = ann.stem.rsplit("_", 1)[0]
        if first_only and stem in seen:
            continue
        seen.add(stem)
        out.append((ann, text, split_sentences(text, "en"), parse(text) if with_parse else None))
    return out


def fit_clusters(read: list[tuple[Path, str, list[Sentence], Any]], sizes: list[int]) -> list[np.ndarray]:
    """The centroids of k-means (k-means++, one run, one thread) on the context vectors of the
    articles' tokens scaled to length one, a seeded sample of 100,000 of them, for each size."""
    vectors = np.concatenate([doc.tensor for _ann, _text, _sentences, doc in read])
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
    rng = np.random.RandomState(0)
    sample = vectors[rng.choice(len(vectors), min(len(vectors), 100_000), replace=False)]
    with threadpool_limits(limits=1):
        return [
            KMeans(k, n_init=1, random_state=0, max_iter=50).fit(sample).cluster_centers_.astype(np.float32)
            for k in sizes
        ]


def featurize(
    read: list[tuple[Path, str, list[Sentence], Any]], rules: bool, centroids: list[np.ndarray]
) -> list[tuple[Path, str, Any, list]]:
    """(annotation file, text, parse, [(paragraph, features, gold tags)]) of each article read."""
    out = []
    for ann, text, sentences, doc in read:
        ruled = read_rules(text, sentences, "en") if rules else None
        fragments = read_fragments(ann)
        found = list(paragraphs(text, sentences))
        tokens = [t for p in found for t in p.tokens]
        extra = token_features(text, doc, tokens, centroids, [len(p.tokens) for p in found])
        pars = []
        for paragraph, mine in zip(found, extra, strict=True):
            feats = features(text, paragraph, rule_tags(paragraph, ruled) if ruled is not None else None, mine)
            pars.append((paragraph, feats, gold_tags(paragraph, fragments)))
        out.append((ann, text, doc, pars))
    return out


def score(data: list, tag) -> PolnearScore:
    result = PolnearScore()
    for ann, text, doc, pars in data:
        found: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for paragraph, feats, gold in pars:
            attributions = group(paragraph, tag(feats, gold))
            if doc is not None:  # as the tagger reads: sources snapped to their phrase
                attributions = snapped(text, doc, attributions)
            for attribution in attributions:
                for kind, span in (
                    ("Content", attribution.content),
                    ("Source", attribution.source),
                    ("Cue", attribution.cue),
                ):
                    if span is not None:
                        found[kind].append(span)
        result.articles += 1
        gold_spans = read_ann(ann)
        for kind in found:
            result.add(kind, gold_spans[kind], found[kind])
    return result


def report(name: str, result: PolnearScore) -> None:
    cells = []
    for kind in ("Source", "Cue", "Content"):
        s = result.scores[kind]
        cells.append(f"{kind} {s.exact_prf()[2]:.3f}/{s.overlap_prf()[2]:.3f}")
    print(f"{name}: exact/overlap F1  " + "  ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rules", action=argparse.BooleanOptionalAction, default=True, help="the rule readers' spans as features"
    )
    parser.add_argument(
        "--parse", action=argparse.BooleanOptionalAction, default=True, help="spaCy's tags and parse as features"
    )
    parser.add_argument(
        "--clusters", type=int, nargs="*", default=[64, 512], help="k of each clustering of context vectors"
    )
    parser.add_argument("--c1", type=float, default=0.2)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=2)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--oracle", action="store_true", help="score the gold tags read back (the decoding's ceiling)")
    args = parser.parse_args()
    if not POLNEAR.exists():
        sys.exit(f"{POLNEAR} is absent: training needs ../shared/data/polnear")
    began = time.perf_counter()
    clusters = args.clusters if args.parse else []
    dev_read = load("dev", first_only=False, with_parse=args.parse)
    if args.oracle:
        report("oracle (gold tags)", score(featurize(dev_read, args.rules, []), lambda feats, gold: gold))
        return
    train_read = load("train", first_only=True, with_parse=args.parse)
    centroids = fit_clusters(train_read, clusters) if clusters else []
    train = featurize(train_read, args.rules, centroids)
    dev = featurize(dev_read, args.rules, centroids)
    print(f"features: {time.perf_counter() - began:.0f}s, {len(train)} train articles", flush=True)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ann, _text, _doc, pars in train:
        for _paragraph, feats, tags in pars:
            trainer.append(feats, tags)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.minfreq,
            "feature.possible_transitions": True,
        }
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / CLUSTERS).unlink(missing_ok=True)
    if centroids:
        np.save(args.out / CLUSTERS, np.concatenate(centroids))
    raw = args.out / "model.crfsuite"
    began = time.perf_counter()
    trainer.train(str(raw))
    seconds = time.perf_counter() - began
    tagger = pycrfsuite.Tagger()
    tagger.open(str(raw))
    result = score(dev, lambda feats, gold: tagger.tag(feats))
    tagger.close()
    (args.out / "model.crfsuite.gz").write_bytes(gzip.compress(raw.read_bytes(), mtime=0))
    raw.unlink()
    size = (args.out / "model.crfsuite.gz").stat().st_size
    print(f"trained in {seconds:.0f}s, {size / 1e6:.1f} MB gzipped", flush=True)
    report(f"dev c1={args.c1} c2={args.c2} rules={args.rules} parse={args.parse} clusters={clusters}", result)
    meta = {
        "features": {"rules": args.rules, "parse": args.parse, "clusters": clusters},
        "training": {
            "data": f"PolNeAR train, {len(train)} articles",
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.minfreq,
            "seconds": round(seconds),
        },
        "dev_exact_overlap_f1": {
            kind: [round(result.scores[kind].exact_prf()[2], 3), round(result.scores[kind].overlap_prf()[2], 3)]
            for kind in ("Source", "Cue", "Content")
        },
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
