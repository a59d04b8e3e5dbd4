// Builds the language packs www/lang/<code>.bin from the committed model
// files named in model/packs.tsv (language code, section name, file), in
// the format src/lang/pack.rs reads (its header documents it; `pack::parse`
// refuses anything else). The worker fetches a pack from its own origin the
// first time an article in that language arrives. Byte for byte the same
// output from the same files.
//
//   node scripts/build-packs.mjs [out-dir]      (default www/lang)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] || join(root, 'www/lang');
const MAGIC = Buffer.from('CRBPACK1', 'latin1');

const packs = new Map();
for (const line of readFileSync(join(root, 'model/packs.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [code, name, path] = line.split('\t');
  if (!packs.has(code)) packs.set(code, []);
  packs.get(code).push([name, readFileSync(join(root, path))]);
}

function short(s) {
  const b = Buffer.from(s, 'utf8');
  if (b.length > 255) throw new Error(`name too long: ${s}`);
  return Buffer.concat([Buffer.from([b.length]), b]);
}

mkdirSync(out, { recursive: true });
const index = [];
for (const [code, sections] of packs) {
  const parts = [MAGIC, short(code), Buffer.from(Uint16Array.of(sections.length).buffer)];
  for (const [name, data] of sections) {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(data.length);
    parts.push(short(name), len, data);
  }
  const bytes = Buffer.concat(parts);
  writeFileSync(join(out, `${code}.bin`), bytes);
  const gz = gzipSync(bytes, { level: 9 }).length;
  index.push(code);
  console.log(`${join(out, `${code}.bin`)}: ${bytes.length} bytes, ${gz} gzipped`);
}
// the languages that have a pack, for the worker
writeFileSync(join(out, 'index.json'), `${JSON.stringify({ packs: index.sort() })}\n`);
