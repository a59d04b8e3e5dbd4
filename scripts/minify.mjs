#!/usr/bin/env node
// Minifies the widget package's own JS in place (terser: ES modules, names
// mangled inside each module, exports kept), then checks each file parses.
// The glue in pkg/ is left as wasm-bindgen wrote it.
//
//   node scripts/minify.mjs DIR
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/minify.mjs DIR');
  process.exit(2);
}

function* jsFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (relative(root, p) !== 'pkg') yield* jsFiles(p);
    } else if (name.endsWith('.js')) {
      yield p;
    }
  }
}

let before = 0;
let after = 0;
for (const file of jsFiles(root)) {
  const code = readFileSync(file, 'utf8');
  // the worker and embed-resize.js are classic scripts or modules alike:
  // every shipped file here is an ES module except embed-resize.js
  const isModule = /^\s*(import|export)\s/m.test(code) || file.endsWith('worker.js');
  const out = await minify(code, {
    module: isModule,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /@license|@preserve|^!/ },
  });
  if (typeof out.code !== 'string') throw new Error(`terser gave nothing for ${file}`);
  writeFileSync(file, out.code + '\n');
  before += code.length;
  after += out.code.length + 1;
}
console.log(`minified: ${before} → ${after} bytes`);
