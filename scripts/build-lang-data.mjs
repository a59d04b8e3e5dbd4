// Builds the multilingual language data of the packs from licensed
// packages (devDependencies, pinned in package-lock.json), never typed by
// hand. Byte for byte the same output from the same package versions.
//
//   node scripts/build-lang-data.mjs
//
// writes
//   model/countries.tsv               ISO 3166-1 alpha-2 code, English name
//                                     (CLDR, cldr-localenames-full; Unicode-3.0)
//   model/lang/<code>/countries.tsv   a country's name in that language, code:
//                                     the names of i18n-iso-countries (MIT) and of
//                                     CLDR's territory names (their short and
//                                     variant forms too)
//   model/lang/<code>/calendar.tsv    month and weekday names (CLDR
//                                     cldr-dates-full: wide and abbreviated,
//                                     format and stand-alone forms) and the
//                                     decimal and group separators (cldr-numbers-full)
// for the languages that have a pack other than English (src/lang/places.rs
// and src/lang/calendar.rs read them).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nm = join(root, 'node_modules');
const LANGS = ['de', 'es', 'fr', 'it', 'pl', 'ru', 'tr', 'ar', 'zh'];
const json = (p) => JSON.parse(readFileSync(join(nm, p), 'utf8'));
const version = (pkg) => json(`${pkg}/package.json`).version;
const clean = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

const iso = json('i18n-iso-countries/langs/en.json').countries;
const codes = Object.keys(iso).sort();
const territories = (lang) => json(`cldr-localenames-full/main/${lang}/territories.json`).main[lang].localeDisplayNames.territories;

const en = territories('en');
let out = `# ISO 3166-1 alpha-2 code, English name (CLDR ${version('cldr-localenames-full')}); scripts/build-lang-data.mjs\n`;
for (const c of codes) out += `${c}\t${clean(en[c] ?? [iso[c]].flat()[0])}\n`;
writeFileSync(join(root, 'model/countries.tsv'), out);
console.log(`model/countries.tsv: ${codes.length} countries`);

for (const lang of LANGS) {
  const dir = join(root, 'model/lang', lang);
  mkdirSync(dir, { recursive: true });
  // countries: every name of each code, once (the first code wins a name two share)
  const names = new Map();
  const add = (name, code) => {
    const n = clean(name);
    if (n.length >= 2 && !names.has(n)) names.set(n, code);
  };
  const i18n = json(`i18n-iso-countries/langs/${lang}.json`).countries;
  const cldr = territories(lang);
  for (const c of codes) {
    for (const n of [i18n[c] ?? []].flat()) add(n, c);
    for (const key of [c, `${c}-alt-short`, `${c}-alt-variant`]) if (cldr[key]) add(cldr[key], c);
  }
  let body = `# name, ISO 3166-1 code: i18n-iso-countries ${version('i18n-iso-countries')} (MIT), CLDR ${version('cldr-localenames-full')} territories (Unicode-3.0); scripts/build-lang-data.mjs\n`;
  for (const [n, c] of [...names].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) body += `${n}\t${c}\n`;
  writeFileSync(join(dir, 'countries.tsv'), body);

  // calendar: month and weekday names, separators
  const greg = json(`cldr-dates-full/main/${lang}/ca-gregorian.json`).main[lang].dates.calendars.gregorian;
  const lines = new Set();
  for (const ctx of ['format', 'stand-alone']) {
    for (const width of ['wide', 'abbreviated']) {
      for (const [k, v] of Object.entries(greg.months[ctx][width])) lines.add(`month\t${k}\t${clean(v).toLowerCase().replace(/\.$/, '')}`);
      const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
      for (const [k, v] of Object.entries(greg.days[ctx][width])) lines.add(`weekday\t${days.indexOf(k)}\t${clean(v).toLowerCase().replace(/\.$/, '')}`);
    }
  }
  const nums = json(`cldr-numbers-full/main/${lang}/numbers.json`).main[lang].numbers;
  const sym = nums[`symbols-numberSystem-${nums.defaultNumberingSystem}`] ?? nums['symbols-numberSystem-latn'];
  const latn = nums['symbols-numberSystem-latn'];
  let cal = `# kind, number, word (month 1-12, weekday 0 = Sunday); decimal and group separators of Latin digits. CLDR ${version('cldr-dates-full')} (Unicode-3.0); scripts/build-lang-data.mjs\n`;
  cal += [...lines].sort().join('\n') + '\n';
  cal += `decimal\t${latn.decimal}\ngroup\t${latn.group}\n`;
  if (sym !== latn) cal += `# default numbering system ${nums.defaultNumberingSystem}\n`;
  writeFileSync(join(dir, 'calendar.tsv'), cal);
  console.log(`model/lang/${lang}: ${names.size} country names, ${lines.size} calendar words`);
}
