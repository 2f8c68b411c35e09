#!/usr/bin/env python3
"""How far bag-of-words clustering can get on the clustering dev sets, offline and with the
answers' help: an upper reference for `storyline eval clusters`, not a clusterer.

    bench/cluster_ceiling.py [--shared DIR]

Needs python3-numpy and python3-scipy (Debian packages; scripts/install-deps.sh installs them).

For each set it builds TF-IDF vectors (sub-linear term frequency, idf over the whole set:
the future is consulted, which an online clusterer may not do), clusters them offline with
scipy's agglomerative linkages (single, average, complete) and reports the best B-cubed F1
over a sweep of cut thresholds, the threshold chosen by looking at the gold labels. Online
clustering with one fixed configuration has less to work with on every count, so a figure
here bounds what the same representation can give:

  * ECB+ events (`gold`): words, capitalized words and numbers ("names"), and their blend;
  * ECB+ topics (`gold_topic`) when every gold event is already a perfect cluster: events
    linked by the cosine of their centroids (single link), the storyline level's best case;
  * OG2021 German titles (`lang == de`): title words (whole, or cut to 5 or 6 characters as
    a crude stemmer for compounds), similarity damped by 1 / (1 + gap_days / scale) for
    scales 0.5, 1 and 2 days and without damping.
"""
import argparse
import collections
import datetime as dt
import json
import math
import os
import re

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

HERE = os.path.dirname(os.path.abspath(__file__))
STOP = set(
    "the a an of to in and for on at by with from that this is was were be been has have had it "
    "its as are said says but or not he she they his her their who which will would after about "
    "than more into over also one two http www com html".split())
LINKAGES = ("single", "average", "complete")


def bcubed(labels, gold):
    members = collections.defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    gold_size = collections.Counter(gold)
    p = r = 0.0
    for i, label in enumerate(labels):
        same = sum(1 for j in members[label] if gold[j] == gold[i])
        p += same / len(members[label])
        r += same / gold_size[gold[i]]
    p /= len(labels)
    r /= len(labels)
    return p, r, 2 * p * r / (p + r)


def tfidf_vectors(bags, sublinear=True):
    """One unit-length TF-IDF row per bag."""
    df = collections.Counter()
    for bag in bags:
        df.update(bag.keys())
    vocab = {term: i for i, term in enumerate(df)}
    n = len(bags)
    x = np.zeros((n, len(vocab)))
    for i, bag in enumerate(bags):
        for term, count in bag.items():
            tf = 1 + math.log(count) if sublinear else 1.0
            x[i, vocab[term]] = tf * math.log(n / df[term])
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    return x


def tfidf_similarity(bags, sublinear=True):
    x = tfidf_vectors(bags, sublinear)
    return x @ x.T


def best_cut(similarity, gold, method):
    distance = np.clip(1 - similarity, 0, 2)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), method)
    best = None
    for cut in np.arange(0.30, 1.00, 0.01):
        score = bcubed(list(fcluster(tree, cut, "distance")), gold)
        if best is None or score[2] > best[0][2]:
            best = (score, cut)
    return best


def report(name, score_cut):
    (p, r, f), cut = score_cut
    print(f"{name:58s} P {p:.3f} R {r:.3f} F1 {f:.3f}  (cut {cut:.2f})")


def ecb_bags(docs, mode):
    bags = []
    for d in docs:
        bag = collections.Counter()
        for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9'-]*", d.get("title", "") + " . " + d["text"]):
            low = word.lower()
            if low in STOP:
                continue
            if mode == "words":
                bag["w:" + low] += 1
            elif word[0].isupper() or word[0].isdigit():
                bag["n:" + low] += 1
        bags.append(bag)
    return bags


def ecb(path):
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    gold = [d["gold"] for d in docs]
    word_vectors = tfidf_vectors(ecb_bags(docs, "words"))
    words = word_vectors @ word_vectors.T
    names = tfidf_similarity(ecb_bags(docs, "names"))
    print(f"ECB+ events ({len(docs)} articles, {len(set(gold))} events)")
    for label, sim in (("words", words), ("names", names), ("0.5 words + 0.5 names", (words + names) / 2)):
        for method in LINKAGES:
            report(f"  {label}, {method} linkage", best_cut(sim, gold, method))
    # Storylines from perfect events: event centroids of the unit article vectors.
    events = sorted(set(gold))
    index = {e: i for i, e in enumerate(events)}
    x = np.zeros((len(events), word_vectors.shape[1]))
    for d, row in zip(docs, word_vectors):
        x[index[d["gold"]]] += row
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    event_similarity = x @ x.T
    topic = [d["gold_topic"] for d in docs]
    article_event = [index[d["gold"]] for d in docs]
    best = None
    for cut in np.arange(0.05, 0.60, 0.01):
        parent = list(range(len(events)))

        def find(a):
            while parent[a] != a:
                a = parent[a]
            return a

        for a in range(len(events)):
            for b in range(a + 1, len(events)):
                if event_similarity[a, b] >= cut:
                    parent[find(a)] = find(b)
        score = bcubed([find(e) for e in article_event], topic)
        if best is None or score[2] > best[0][2]:
            best = (score, cut)
    (p, r, f), cut = best
    print(f"ECB+ topics from the gold events ({len(set(topic))} topics)")
    print(f"{'  event centroids, single link':58s} P {p:.3f} R {r:.3f} F1 {f:.3f}  "
          f"(link at cosine >= {cut:.2f})")


def og2021(path, lang):
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    docs = [d for d in docs if d["lang"] == lang]
    gold = [d["gold"] for d in docs]
    days = np.array([dt.datetime.fromisoformat(d["published"]).timestamp() / 86400 for d in docs])
    gap = np.abs(days[:, None] - days[None, :])
    print(f"OG2021 titles, lang {lang} ({len(docs)} articles, {len(set(gold))} events)")
    best = {}
    for cut_chars in (5, 6, 100):
        bags = [collections.Counter(w.lower()[:cut_chars] for w in re.findall(r"\w+", d["title"])
                                    if len(w) > 2) for d in docs]
        base = tfidf_similarity(bags, sublinear=False)
        for scale in (0.5, 1.0, 2.0, None):
            sim = base if scale is None else base / (1 + gap / scale)
            for method in LINKAGES:
                score = best_cut(sim, gold, method)
                key = f"  words[:{cut_chars}], scale {scale or 'none'}, {method}"
                best[key] = score
    for key, score in sorted(best.items(), key=lambda kv: -kv[1][0][2])[:3]:
        report(key, score)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    args = ap.parse_args()
    clustering = os.path.join(args.shared, "bench", "clustering")
    ecb(os.path.join(clustering, "ecbplus-dev.jsonl"))
    og2021(os.path.join(clustering, "og2021-dev.jsonl"), "de")


if __name__ == "__main__":
    main()
