// The worst input shapes of issue 15's red-team round, built
// deterministically, for the hostile tests and bench/page-responsiveness.mjs:
// megabytes of numbers, megabytes of distinct person names, 50 articles of
// mixed content, and a small Word file that unpacks to megabytes of text.
import { crc32, deflateRawSync } from 'node:zlib';
import { pseudoArticle } from './helpers.mjs';

/** Repeats `unit` (ASCII) to just under `bytes`. */
function fill(unit, bytes) {
  return unit.repeat(Math.floor(bytes / unit.length));
}

/** About `bytes` of one figure over and over: "1,000,000 people. " (a report of a mention per figure). */
export function numbersArticle(bytes, unit = '1,000,000 people. ') {
  return fill(unit, bytes);
}

const FIRST = ('Elena Marcus Priya Tomas Aiko Jonas Fatima Oskar Leila Rafael Ingrid Kwame Sofia Dmitri Amara Lucas ' +
  'Nadia Henrik Yara Mateo Greta Samir Irene Viktor Zara Pablo Hanna Idris Maren Teodor').split(' ');
const SYLLABLES = 'bel kar ov tam ir ez lon dra vik sen mor ath ul ren pas kow dal fin gor ust'.split(' ');

/**
 * About `bytes` of sentences each naming one more person, no two alike
 * ("Elena Belkarov spoke to reporters."); `i` picks a different set of names.
 */
export function namesArticle(i, bytes) {
  const out = [];
  let size = 0;
  for (let k = i * 1_000_003; size < bytes; k++) {
    const s = SYLLABLES;
    const n = Math.floor(k / FIRST.length);
    const surname = s[n % s.length] + s[Math.floor(n / s.length) % s.length] + s[Math.floor(n / s.length ** 2) % s.length] +
      s[Math.floor(n / s.length ** 3) % s.length];
    const sentence = `${FIRST[k % FIRST.length]} ${surname[0].toUpperCase()}${surname.slice(1)} spoke to reporters. `;
    if (size + sentence.length > bytes) break;
    out.push(sentence);
    size += sentence.length;
  }
  return out.join('');
}

/**
 * `n` articles of about `total` bytes in all, of every kind in turn: prose,
 * copies of one story, figures, and names.
 */
export function mixedArticles(n, total) {
  const each = Math.floor(total / n);
  const copied = pseudoArticle(1_000, each / 6).slice(0, each);
  return Array.from({ length: n }, (_, i) => {
    switch (i % 4) {
      case 0: return pseudoArticle(i, each / 6).slice(0, each);
      case 1: return `${copied.slice(0, each - 60)} Updated at ${i} o'clock with figures.`;
      case 2: return fill(`In district ${i}, ${(i * 7919) % 10_000} people were evacuated and ${i * 3} homes destroyed. `, each);
      default: return namesArticle(i, each);
    }
  });
}

/** A Word .docx (a ZIP: [Content_Types].xml and word/document.xml, deflated) of one paragraph per line of `text`. */
export function docxOf(text) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text.split('\n').map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`).join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`],
  ]);
}

/** A record of little-endian fields [offset, width (2 or 4 bytes), value] in `size` bytes. */
function record(size, fields) {
  const b = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/**
 * A ZIP of deflated entries [name, string content]: a local header and the
 * data per entry, then the central directory and its end record (the same
 * format fuzz/make-seeds.mjs writes for its seed).
 */
function zip(entries) {
  const parts = [];
  const dir = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const raw = Buffer.from(content, 'utf8');
    const data = deflateRawSync(raw, { level: 9 });
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    // version 2.0, method 8 (deflate), CRC-32, packed and unpacked sizes, name length
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], [14, 4, crc], [18, 4, data.length], [22, 4, raw.length], [26, 2, n.length]]);
    dir.push(record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], [16, 4, crc], [20, 4, data.length], [24, 4, raw.length],
      [28, 2, n.length], [42, 4, offset]]), n);
    parts.push(local, n, data);
    offset += local.length + n.length + data.length;
  }
  const central = Buffer.concat(dir);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, central.length], [16, 4, offset]]);
  return Buffer.concat([...parts, central, end]);
}
