#!/usr/bin/env python3
"""A copy of a dated clustering set with some publication dates removed at random: how the
clusterer copes with a stream that mixes dated and undated articles.

    bench/drop_dates.py IN.jsonl OUT.jsonl --keep 0.5 [--seed 7]
    storyline eval clusters OUT.jsonl [--lang de]

Each article keeps its `published` field with probability KEEP; everything else, and the
order of the lines, stays as it is. The figures in src/cluster/README.md ("Undated articles
in a dated stream") come from og2021-dev.jsonl with --keep 0.5 and --keep 0.8, seed 7.
"""
import argparse
import json
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--keep", type=float, required=True, help="probability that a date stays")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kept = dropped = 0
    with open(args.input, encoding="utf-8") as src, open(args.output, "w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            if rng.random() >= args.keep and row.pop("published", None) is not None:
                dropped += 1
            elif "published" in row:
                kept += 1
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.output}: {kept} dates kept, {dropped} removed")


if __name__ == "__main__":
    main()
