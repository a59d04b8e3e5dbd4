// Tokenization + entity recognition of the shipped wasm under node on ~1 MB
// of news text, beside compromise and wink-nlp on the same text in the same
// run. Also times the model + lexicon load.
//   node bench/ner-wasm.mjs            (after `npm run build`)
//   node bench/ner-wasm.mjs A B [C...] (ours only: builds in rotating rounds, speed paired per round)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import init, { entityStats, warmUp } from '../www/pkg-diagnostics/corroborate.js';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { median } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = join(root, '../shared/seeds');
const sources = existsSync(seedsDir)
  ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedsDir, f), 'utf8'))
  : ['wire.txt', 'rewrite.txt'].map((f) => readFileSync(join(root, 'tests/fixtures', f), 'utf8'));
if (!existsSync(seedsDir)) console.log(`note: ${seedsDir} absent; using tests/fixtures`);
const parts = [];
let size = 0;
for (let copy = 1; size < 1_000_000; copy++) {
  for (const s of sources) {
    const t = s.split('\n').map((p) => `(${copy}) ${p}`).join('\n') + '\n\n';
    parts.push(t);
    size += Buffer.byteLength(t);
  }
}
const text = parts.join('');


// `node bench/ner-wasm.mjs DIR...`: only our recognizer, once per build
// given (copies of www/pkg-diagnostics/), all loaded in one process: after
// four warm-up passes each, ROUNDS rounds (default 15) run every build once
// in a rotating order, and each build's time is divided by the first
// build's in the same round. The machine's speed drifts by a third from one
// minute to the next on a shared host, so only these paired ratios tell two
// builds apart; their median is the figure to quote.
const dirs = process.argv.slice(2);
if (dirs.length > 0) {
  const pkgs = [];
  for (const dir of dirs) {
    const pkg = await import(pathToFileURL(join(resolve(dir), 'corroborate.js')).href);
    await pkg.default({ module_or_path: readFileSync(join(resolve(dir), 'corroborate_bg.wasm')) });
    const t = performance.now();
    pkg.warmUp();
    pkgs.push({ pkg, load: performance.now() - t });
  }
  let out = null;
  for (let i = 0; i < 4; i++) for (const { pkg } of pkgs) out = pkg.entityStats(text);
  const rounds = Number(process.env.ROUNDS || 15);
  const times = dirs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < pkgs.length; k++) {
      const j = (k + r) % pkgs.length;
      const t = performance.now();
      pkgs[j].pkg.entityStats(text);
      times[j].push(performance.now() - t);
    }
  }
  const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const w = out.words;
  dirs.forEach((dir, j) => {
    const ratios = times[j].map((ms, r) => times[0][r] / ms);
    console.log(
      `${dir}: load ${pkgs[j].load.toFixed(1)} ms, median ${Math.round(w / (mid(times[j]) / 1000)).toLocaleString('en')} words/s (${w} words, ${out.entities} entities); ` +
        `speed against ${dirs[0]} ×${mid(ratios).toFixed(3)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(' ')})`,
    );
  });
  process.exit(0);
}

await init({ module_or_path: readFileSync(join(root, 'www/pkg-diagnostics/corroborate_bg.wasm')) });
const t0 = performance.now();
warmUp();
const loadMs = performance.now() - t0;
const ours = median(() => entityStats(text), 5);
const words = ours.out.words;
const rate = (ms) => Math.round(words / (ms / 1000));
console.log(`corpus: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${words} words`);
console.log(`model + lexicons load (wasm): ${loadMs.toFixed(1)} ms`);
console.log(`corroborate (wasm): ${ours.ms.toFixed(0)} ms = ${rate(ours.ms).toLocaleString('en')} words/s, ${ours.out.entities} entities`);

const comp = median(() => {
  const doc = nlp(text);
  return doc.people().length + doc.places().length + doc.organizations().length;
}, 1);
console.log(`compromise: ${comp.ms.toFixed(0)} ms = ${rate(comp.ms).toLocaleString('en')} words/s (${(comp.ms / ours.ms).toFixed(1)}x slower)`);

const wink = winkNLP(model);
const wk = median(() => wink.readDoc(text).entities().length(), 3);
console.log(`wink-nlp: ${wk.ms.toFixed(0)} ms = ${rate(wk.ms).toLocaleString('en')} words/s (${(wk.ms / ours.ms).toFixed(1)}x slower)`);
