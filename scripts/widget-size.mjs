#!/usr/bin/env node
// The widget's own JS, gzipped: every module the one-tag embed loads (its
// import graph, and the worker's), except the core (pkg/: the wasm and its
// wasm-bindgen glue).
//
//   node scripts/widget-size.mjs [DIR]   (default www; dist/npm for the package)
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] || 'www');
const seen = new Set();
const queue = [join(root, 'corroborate-widget.js')];
// static and dynamic imports, written with or without spaces (the package's
// files are minified), and the worker's `new URL('./x.js', import.meta.url)`
const IMPORT = /\b(?:import|export)\s*(?:\(\s*|[^'"();]*?\bfrom\s*)?['"](\.[^'"]+)['"]|new URL\(\s*['"](\.[^'"]+\.js)['"]\s*,\s*import\.meta\.url\)/g;
while (queue.length) {
  const file = queue.pop();
  if (seen.has(file) || relative(root, file).startsWith('pkg')) continue;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) queue.push(resolve(dirname(file), m[1] || m[2]));
}
let total = 0;
let all = '';
for (const file of [...seen].sort()) {
  const text = readFileSync(file);
  const gz = gzipSync(text, { level: 9 }).length;
  total += gz;
  all += text;
  console.log(`${String(gz).padStart(6)}  ${relative(root, file)}`);
}
console.log(`${String(total).padStart(6)}  total, gzipped file by file (${(total / 1024).toFixed(1)} KiB)`);
const joined = gzipSync(all, { level: 9 }).length;
console.log(`${String(joined).padStart(6)}  total, gzipped as one file (${(joined / 1024).toFixed(1)} KiB)`);
