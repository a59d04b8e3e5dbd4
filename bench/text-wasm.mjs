// Text stages (clean + normalize + tokenize + sentences) of the shipped wasm
// under node, on ~10 MB built from the seed articles (../shared/seeds) or,
// where they are absent, the project's fixtures. Prints MB/s and the wasm
// heap growth as a multiple of the input size.
//   node bench/text-wasm.mjs            (after `npm run build`)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import init, { textStats } from '../www/pkg-diagnostics/corroborate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = join(root, '../shared/seeds');
let sources;
if (existsSync(seedsDir)) {
  sources = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedsDir, f), 'utf8'));
} else {
  console.log(`note: ${seedsDir} absent; using tests/fixtures`);
  sources = ['wire.txt', 'rewrite.txt'].map((f) => readFileSync(join(root, 'tests/fixtures', f), 'utf8'));
}
// Tag each copy's paragraphs so the cleaner does not drop them as repeats.
const target = 10 * 1024 * 1024;
const parts = [];
let size = 0;
for (let copy = 1; size < target; copy++) {
  for (const s of sources) {
    for (const para of s.split('\n')) {
      const line = `(${copy}) ${para}\n`;
      parts.push(line);
      size += Buffer.byteLength(line);
    }
    parts.push('\n');
  }
}
const text = parts.join('');
const bytes = Buffer.byteLength(text);

const wasm = await init({ module_or_path: readFileSync(join(root, 'www/pkg-diagnostics/corroborate_bg.wasm')) });
const heapBefore = wasm.memory.buffer.byteLength;
const times = [];
let stats;
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  stats = textStats(text);
  times.push(performance.now() - t0);
}
const heapAfter = wasm.memory.buffer.byteLength;
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`input: ${(bytes / 1e6).toFixed(2)} MB, ${stats.tokens} tokens, ${stats.sentences} sentences`);
console.log(`clean+normalize+tokenize+sentences in wasm: median ${median.toFixed(1)} ms = ${(bytes / 1e6 / (median / 1000)).toFixed(1)} MB/s (best ${times[0].toFixed(1)} ms)`);
console.log(`wasm heap: ${(heapBefore / 1e6).toFixed(1)} MB before, ${(heapAfter / 1e6).toFixed(1)} MB after = peak growth ${((heapAfter - heapBefore) / bytes).toFixed(2)} x input`);
