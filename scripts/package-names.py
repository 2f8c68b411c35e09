#!/usr/bin/env python3
"""Given names (or with --last family names) from Debian's python3-fake-factory (Faker's
person providers), one a line, for the entity gazetteer: the build embeds them next to
data/gazetteers/first_names.txt.

    scripts/package-names.py [--last] [--gazetteers DIR] [--dictionary FILE] > names.txt

Takes the name lists of the Latin-script locales, keeps single words that start
upper case, and drops a name that is also a lower-case German word in the dictionary
(`wngerman`: "rosa", "will") or a place or organisation of our own lists ("Georgia").
Prints nothing (and exits 0) when the package is missing: the gazetteer then has only
our own list of given names and no family names. Deterministic: sorted output for a given package version.
"""
import argparse
import importlib
import os
import sys

LOCALES = ("de_DE de_AT de_CH en_US en_GB fr_FR fr_CH it_IT es_ES es_MX pl_PL nl_NL tr_TR "
           "cs_CZ pt_BR pt_PT sv_SE no_NO dk_DK fi_FI hr_HR sl_SI ro_RO hu_HU lt_LT lv_LV "
           "et_EE id_ID").split()
HERE = os.path.dirname(os.path.abspath(__file__))


def words(path):
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gazetteers", default=os.path.join(HERE, "..", "data", "gazetteers"))
    ap.add_argument("--dictionary", default="/usr/share/dict/ngerman")
    ap.add_argument("--last", action="store_true", help="family names instead of given names")
    args = ap.parse_args()
    sys.path.insert(0, "/usr/lib/python3/dist-packages")
    names = set()
    for locale in LOCALES:
        try:
            provider = importlib.import_module("faker.providers.person." + locale).Provider
        except ImportError:
            continue
        attrs = ("last_names", "last_names_male", "last_names_female") if args.last else \
            ("first_names", "first_names_male", "first_names_female")
        for attr in attrs:
            for name in getattr(provider, attr, ()):  # a tuple, or a dict name → weight
                if name and name[0].isupper() and name.isalpha():
                    names.add(name)
    lower = {w for w in words(args.dictionary) if w[:1].islower()}
    ours = words(os.path.join(args.gazetteers, "locations.txt")) | \
        words(os.path.join(args.gazetteers, "organizations.txt"))
    for name in sorted(names):
        if name.lower() not in lower and name not in ours:
            print(name)


if __name__ == "__main__":
    main()
