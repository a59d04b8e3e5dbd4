// The reuse engine of the shipped wasm under node: two ~100 KB documents
// (passages and substitutions included) beside diff-match-patch and jsdiff's
// diffWords on the same pair, and 100 articles at four lengths (all pairs),
// with time and wasm heap growth.
//   cargo run --release --example reuse_corpus && npm run build && node bench/reuse-wasm.mjs
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import init, { reuseStats } from '../www/pkg-diagnostics/corroborate.js';
import DiffMatchPatch from 'diff-match-patch';
import { diffWords } from 'diff';
import { median } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'target/bench/reuse');
if (!existsSync(join(dir, 'pair_a.txt'))) {
  console.error(`${dir} is missing: run  cargo run --release --example reuse_corpus  first`);
  process.exit(1);
}
const a = readFileSync(join(dir, 'pair_a.txt'), 'utf8');
const b = readFileSync(join(dir, 'pair_b.txt'), 'utf8');


const wasm = await init({ module_or_path: readFileSync(join(root, 'www/pkg-diagnostics/corroborate_bg.wasm')) });
reuseStats(['warm up the allocator', 'warm up the allocator']);

const ours = median(() => reuseStats([a, b]), 9);
const edits = ours.out.passages.reduce((n, p) => n + p.edits.length, 0);
const shared = ours.out.passages.reduce((n, p) => n + p.words, 0);
console.log(`pair: ${a.length.toLocaleString('en')} + ${b.length.toLocaleString('en')} chars, ${ours.out.words.toLocaleString('en')} words`);
console.log(`corroborate reuseStats (wasm): ${ours.ms.toFixed(1)} ms (median of 9): ${ours.out.passages.length} passages, ${shared} words of A in them, ${edits} edits`);

// default settings, as people use it: diff_main gives up refining after
// Diff_Timeout = 1 s and returns a coarser diff (with no time cap it ran
// 30 s here)
const dmp = new DiffMatchPatch();
const d1 = median(() => dmp.diff_main(a, b), 3);
console.log(`diff-match-patch diff_main: ${d1.ms.toFixed(0)} ms (${(d1.ms / ours.ms).toFixed(0)}x ours), ${d1.out.length} diff ops`);
const d2 = median(() => {
  const d = dmp.diff_main(a, b);
  dmp.diff_cleanupSemantic(d);
  return d;
}, 3);
console.log(`diff-match-patch + cleanupSemantic: ${d2.ms.toFixed(0)} ms (${(d2.ms / ours.ms).toFixed(0)}x ours)`);
const skipJsdiff = process.argv.includes('--no-jsdiff');
if (!skipJsdiff) {
  const d3 = median(() => diffWords(a, b), 1);
  console.log(`jsdiff diffWords: ${d3.ms.toFixed(0)} ms (${(d3.ms / ours.ms).toFixed(0)}x ours), ${d3.out.length} parts`);
}

console.log('\n100 articles, all pairs (10 stories, each carried by 10 outlets):');
console.log('words/article  total words  ms (median of 5)  heap growth  passages  pairs with reuse');
for (const words of [250, 500, 1000, 2000]) {
  const sub = join(dir, `many_${words}`);
  const texts = readdirSync(sub).sort().map((f) => readFileSync(join(sub, f), 'utf8'));
  const before = wasm.memory.buffer.byteLength;
  const r = median(() => reuseStats(texts), 5);
  const grown = wasm.memory.buffer.byteLength - before;
  console.log(
    `${String(words).padStart(13)}  ${String(r.out.words).padStart(11)}  ${r.ms.toFixed(1).padStart(16)}  ${(grown / 1048576).toFixed(1).padStart(8)} MiB  ${String(r.out.passages.length).padStart(8)}  ${String(r.out.pairs).padStart(16)}`,
  );
}
