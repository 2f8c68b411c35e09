#!/usr/bin/env python3
"""Synthetic load corpus: N articles in the project's JSONL format, made by recombining
sentence runs of ../shared/bench/corpus/10kgnad-test.jsonl (Der Standard, CC BY-NC-SA;
stays outside the repository), with publication dates spread over one year.

    bench/make_corpus.py N [--seed S] [--id-prefix P] [--start DATE] [--days D] [--corpus FILE] > out.jsonl

Deterministic for the same N, seed and corpus. Each article takes its title and lead
from one source article and 2-4 further runs of 2-4 sentences from others, so most
articles are new stories while some share material (as near-duplicates do in real feeds).
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "bench", "corpus", "10kgnad-test.jsonl")
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„])")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--id-prefix", default="load")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--start", default="2024-01-01", help="first publication day (ISO date)")
    ap.add_argument("--days", type=int, default=366, help="dates spread over this many days")
    args = ap.parse_args()

    docs = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text", "")
            sentences = [s.strip() for s in SENTENCE.split(text) if len(s.strip()) > 20]
            if len(sentences) >= 4:
                docs.append(sentences)
    if not docs:
        sys.exit(f"make_corpus: no usable articles in {args.corpus}")

    rng = random.Random(args.seed)
    start = dt.datetime.fromisoformat(args.start)
    out = sys.stdout
    for i in range(args.n):
        base = rng.choice(docs)
        k = rng.randrange(0, max(1, len(base) - 3))
        title = base[k][:140]
        paras = [" ".join(base[k + 1:k + 1 + rng.randint(2, 4)])]
        for _ in range(rng.randint(2, 4)):
            d = rng.choice(docs)
            j = rng.randrange(0, max(1, len(d) - 2))
            paras.append(" ".join(d[j:j + rng.randint(2, 4)]))
        published = start + dt.timedelta(seconds=rng.randrange(0, args.days * 86400))
        out.write(json.dumps({
            "id": f"{args.id_prefix}-{i:07d}",
            "lang": "de",
            "published": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "source": rng.choice(OUTLETS),
            "title": title,
            "text": "\n\n".join(p for p in paras if p),
        }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
