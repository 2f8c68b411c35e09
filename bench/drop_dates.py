#!/usr/bin/env python3
"""A copy of a dated clustering set with some publication dates removed at random: how the
clusterer copes with a stream that mixes dated and undated articles.

    bench/drop_dates.py IN.jsonl OUT.jsonl --keep 0.5 [--seed 7] [--undated-last]
    storyline eval clusters OUT.jsonl [--lang de]

Each article keeps its `published` field with probability KEEP; everything else, and the
order of the lines, stays as it is, unless --undated-last moves the undated articles after
all dated ones (in their order), as a folder of text files read after a feed. The figures in
src/cluster/README.md ("Undated articles in a dated stream") come from og2021-dev.jsonl with
--keep 0.5 and --keep 0.8, and --keep 0.5 --undated-last, seed 7.
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
    parser.add_argument("--undated-last", action="store_true",
                        help="write the undated articles after all dated ones")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kept = dropped = 0
    dated, undated = [], []
    with open(args.input, encoding="utf-8") as src:
        for line in src:
            row = json.loads(line)
            if rng.random() >= args.keep and row.pop("published", None) is not None:
                dropped += 1
            elif "published" in row:
                kept += 1
            (dated if "published" in row or not args.undated_last else undated).append(row)
    with open(args.output, "w", encoding="utf-8") as dst:
        for row in dated + undated:
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.output}: {kept} dates kept, {dropped} removed")


if __name__ == "__main__":
    main()
