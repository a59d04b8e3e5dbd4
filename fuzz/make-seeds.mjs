// Builds the seed corpus in fuzz/seeds/<target>/ from the project's own
// texts only (tests/fixtures/*.txt and the page's example in www/examples/).
// Run from the repository root: node fuzz/make-seeds.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { EXAMPLE_ARTICLES } from '../www/examples/derailment.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = (t, name, bytes) => {
  const dir = path.join(root, 'fuzz', 'seeds', t);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), bytes);
};
const fixtures = fs.readdirSync(path.join(root, 'tests/fixtures'))
  .filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(root, 'tests/fixtures', f), 'utf8'));
const example = EXAMPLE_ARTICLES.map((a) => a.text);
const enc = (s) => Buffer.from(s, 'utf8');

// analyze: a 4-byte unit (all 0x00 → utf8, 0x80.. → utf16, 0xff.. → chars),
// an empty meta list (0x00), then the texts joined by form feeds.
const analyzeSeed = (unit, texts) => Buffer.concat([Buffer.alloc(4, unit), Buffer.from([0]), enc(texts.join('\f'))]);
out('analyze', 'fixtures-utf16', analyzeSeed(0x80, fixtures));
out('analyze', 'example-chars', analyzeSeed(0xff, example));
out('analyze', 'example-first-utf8', analyzeSeed(0x00, [example[0]]));
out('analyze', 'example-pair-utf16', analyzeSeed(0x80, [example[0], example[1]]));
out('analyze', 'stripped-copy', analyzeSeed(0x80, [fixtures[0], fixtures[0].toLowerCase().replace(/[.,"']/g, '')]));

// read: a name choice (4 bytes, variant = value × 6 >> 32: 0x00 → no name,
// 0x40 → .txt, 0x60 → .html, 0x90 → .md, 0xb0 → .docx), then the bytes.
const readSeed = (name, bytes) => Buffer.concat([Buffer.alloc(4, name), bytes]);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const [title, ...paras] = example[0].split('\n\n');
const html = `<!doctype html><html><head><title>${esc(title)}</title><script>alert(1)</script>` +
  `<style>p{}</style></head><body><nav><a href="/">Home</a></nav><article><h1>${esc(title)}</h1>` +
  paras.map((p) => `<p>${esc(p)} <a href="javascript:alert(1)">x</a>&nbsp;&#8212;&eacute;</p>`).join('') +
  `<img src=x onerror=alert(1)></article><!-- c --></body></html>`;
out('read', 'page-html', readSeed(0x60, enc(html)));
out('read', 'page-md', readSeed(0x90, enc(`# ${title}\n\n` + paras.map((p, i) =>
  (i % 2 ? `> ${p}` : `* **${p}** [link](http://x)`)).join('\n\n'))));
out('read', 'fixture-text', readSeed(0x40, enc(fixtures[0])));
out('read', 'utf16le-bom', readSeed(0x00, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtures[1], 'utf16le')])));
out('read', 'utf8-bom-invalid', readSeed(0x00, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc(fixtures[1].slice(0, 200)), Buffer.from([0xc3, 0x28, 0xff])])));

// a minimal .docx: a ZIP (deflated entries) with word/document.xml
function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const crc = zlib.crc32(data);
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    locals.push(head, n, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16); c.writeUInt32LE(packed.length, 20); c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += head.length + n.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const docXml = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
  [title, ...paras.slice(0, 3)].map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r><w:r><w:tab/><w:t>&amp;</w:t></w:r></w:p>`).join('') +
  '</w:body></w:document>';
out('read', 'story-docx', readSeed(0xb0, zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', docXml]])));

// tokenize: plain UTF-8 texts, with scripts the tokenizer must not split wrong
out('tokenize', 'fixture-wire', enc(fixtures[0]));
out('tokenize', 'fixture-rewrite', enc(fixtures[1]));
out('tokenize', 'example-c', enc(example[2]));
out('tokenize', 'scripts', enc('Reuters — U.S. troops said 320,000 lives… «Ça va» 東京で地震が発生した。 ' +
  'قال المتحدث إن الحريق 👩‍👩‍👧 Ⅻ ﬁne e\u0301 שלום עולם 2017-05-02\r\nDr. Smith\'s'));
