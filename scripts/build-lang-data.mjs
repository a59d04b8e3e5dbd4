// Builds the multilingual language data of the packs from licensed
// packages (devDependencies, pinned in package-lock.json), never typed by
// hand. Byte for byte the same output from the same package versions.
//
//   node scripts/build-lang-data.mjs
//
// writes
//   model/lang/<code>/countries.tsv   a country's name in that language, its
//                                     ISO 3166-1 code and English name: the names
//                                     of i18n-iso-countries (MIT) and of CLDR's
//                                     territory names (cldr-localenames-full,
//                                     Unicode-3.0; short and variant forms too);
//                                     the English name is CLDR's
//   model/lang/<code>/calendar.tsv    month and weekday names (CLDR
//                                     cldr-dates-full: wide and abbreviated,
//                                     format and stand-alone forms) and the
//                                     decimal and group separators (cldr-numbers-full),
//                                     the words for yesterday, today and tomorrow
//                                     (cldr-dates-full's day fields) and the
//                                     number words of the spell-out rules
//                                     (cldr-rbnf: every cardinal rule set, so
//                                     Russian and Polish cases too)
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
const english = (c) => clean(en[c] ?? [iso[c]].flat()[0]);

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
  let body = `# name, ISO 3166-1 code, English name (CLDR): i18n-iso-countries ${version('i18n-iso-countries')} (MIT), CLDR ${version('cldr-localenames-full')} territories (Unicode-3.0); scripts/build-lang-data.mjs\n`;
  for (const [n, c] of [...names].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) body += `${n}\t${c}\t${english(c)}\n`;
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
  // yesterday, today, tomorrow
  const day = json(`cldr-dates-full/main/${lang}/dateFields.json`).main[lang].dates.fields.day;
  for (const d of [-1, 0, 1]) {
    const w = clean(day[`relative-type-${d}`] ?? '').toLowerCase();
    if (w && !w.includes(' ')) lines.add(`day\t${d}\t${w}`);
  }
  // number words: the single words of the spell-out rules (optional parts
  // dropped), values 2 and up (1 is an article in most of these languages),
  // and the scale words of the rules that multiply ("Millionen", "тысяч")
  if (!['zh', 'ja'].includes(lang)) {
    for (const [n, w] of numberWords(lang)) lines.add(`number\t${n}\t${w}`);
  }
  const nums = json(`cldr-numbers-full/main/${lang}/numbers.json`).main[lang].numbers;
  const sym = nums[`symbols-numberSystem-${nums.defaultNumberingSystem}`] ?? nums['symbols-numberSystem-latn'];
  const latn = nums['symbols-numberSystem-latn'];
  let cal = `# kind, number, word (month 1-12, weekday 0 = Sunday, day -1 yesterday to 1 tomorrow, number: its value); decimal and group separators of Latin digits. CLDR ${version('cldr-dates-full')} (Unicode-3.0), cldr-rbnf ${version('cldr-rbnf')}; scripts/build-lang-data.mjs\n`;
  cal += [...lines].sort().join('\n') + '\n';
  cal += `decimal\t${latn.decimal}\ngroup\t${latn.group}\n`;
  if (sym !== latn) cal += `# default numbering system ${nums.defaultNumberingSystem}\n`;
  writeFileSync(join(dir, 'calendar.tsv'), cal);
  console.log(`model/lang/${lang}: ${names.size} country names, ${lines.size} calendar words`);
}

// The number words of a language's spell-out rules (cldr-rbnf), as
// [value, word] pairs sorted, each word once (its smallest value).
function numberWords(lang) {
  const sets = json(`cldr-rbnf/rbnf/${lang}.json`).rbnf.rbnf.SpelloutRules;
  const words = new Map();
  const add = (w, n) => {
    const word = clean(w).toLowerCase();
    if (!/^\p{L}+$/u.test(word) || word.length < 2) return;
    if (!words.has(word) || words.get(word) > n) words.set(word, n);
  };
  for (const [name, rules] of Object.entries(sets)) {
    if (!/^%spellout-(cardinal|numbering$)/.test(name) || name.includes('year')) continue;
    for (const [base, body] of rules) {
      if (!/^\d+$/.test(base)) continue;
      const value = Number(base);
      let text = body.replace(/;$/, '').replace(/\u00AD/g, '').replace(/\[[^\]]*\]/g, '');
      // plural forms: $(cardinal,one{тысячи}other{тысяч})$ gives both
      const forms = [];
      text = text.replace(/\$\(cardinal,([^)]*)\)\$/g, (_, alts) => {
        for (const m of alts.matchAll(/\{([^}]*)\}/g)) forms.push(m[1]);
        return '\u0000';
      });
      const texts = forms.length ? forms.map((f) => text.replace('\u0000', f)) : [text];
      for (const t of texts) {
        // a rule that multiplies the words before it: its scale word
        const scale = t.match(/^←[^←]*←\s*(\p{L}+)\s*$/u);
        if (scale && value >= 100) {
          add(scale[1], 10 ** Math.floor(Math.log10(value)));
          continue;
        }
        if (/[←→=<>%#]/.test(t)) continue;
        const parts = clean(t).split(' ');
        if (parts.length === 1 && value >= 2) add(parts[0], value);
        // "eine Million", "un millón": the scale word
        else if (parts.length === 2 && value >= 1000 && 10 ** Math.round(Math.log10(value)) === value) add(parts[1], value);
      }
    }
  }
  return [...words].map(([w, n]) => [n, w]);
}
