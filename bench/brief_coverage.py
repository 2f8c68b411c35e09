#!/usr/bin/env python3
"""Summary coverage of story briefings (issue 5).

Reads `storyline brief --format json` output (one briefing per line) and
reports, over the stories with at least two articles, the share of a story's
articles that contribute at least one summary sentence or a text-reuse link
(a shared paragraph or sentence with another article of the story).

Usage: storyline brief --format json FILE | bench/brief_coverage.py
"""
import json
import sys


def main() -> int:
    shares = []
    for line_no, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            briefing = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"stdin:{line_no}: not JSON: {e}", file=sys.stderr)
            return 1
        articles = briefing["sources"]["articles"]
        if len(articles) < 2:
            continue
        ids = {a["article"] for a in articles}
        covered = {s["article"] for s in briefing["summary"]}
        for a in articles:
            linked = a.get("copied_from") or any(
                s["shared_paragraphs"] > 0 or s["shared_sentences"] > 0 for s in a["shares"])
            if linked:
                covered.add(a["article"])
        shares.append(len(covered & ids) / len(ids))
    if not shares:
        print("no story with two or more articles")
        return 0
    mean = sum(shares) / len(shares)
    full = sum(1 for s in shares if s == 1.0)
    print(f"stories with >= 2 articles: {len(shares)}")
    print(f"mean coverage: {mean:.3f}  (stories fully covered: {full})")
    print(f"min coverage: {min(shares):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
