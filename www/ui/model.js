// Read-only helpers over a Report (types/report.d.ts): lookups, passage
// orientation, divergence kinds. Rendering modules share one `Context`.

/**
 * Kinds of divergence (exactly the `DivergenceKind`s of types/report.d.ts,
 * which a test checks), grouped for filters and styles: framing, format and
 * omission are all "wording". Unknown kinds from a newer engine fall into
 * "other" and keep their own name as the label.
 */
export const KIND_GROUPS = {
  fact: { group: 'fact', label: 'Facts', icon: '≠', describe: 'different figures or dates' },
  framing: { group: 'wording', label: 'Wording', icon: '✎', describe: 'reworded framing' },
  format: { group: 'wording', label: 'Wording', icon: '✎', describe: 'formatting differences' },
  omission: { group: 'wording', label: 'Wording', icon: '✎', describe: 'words left out' },
  unique: { group: 'unique', label: 'Unique', icon: '★', describe: 'only this article says it' },
  coverage: { group: 'coverage', label: 'Coverage', icon: '◐', describe: 'names only some articles mention' },
  attribution: { group: 'coverage', label: 'Coverage', icon: '◐', describe: 'the same statement attributed to different sources' },
};

export const GROUP_ORDER = ['fact', 'wording', 'unique', 'coverage', 'other'];
export const GROUP_LABELS = { fact: 'Facts', wording: 'Wording', unique: 'Unique', coverage: 'Coverage', other: 'Other' };
export const GROUP_ICONS = { fact: '≠', wording: '✎', unique: '★', coverage: '◐', other: '•' };

// kindInfo is asked for every divergence, often several times (240,000 in a large report)
const KIND_INFO = new Map();

export function kindInfo(kind) {
  let info = KIND_INFO.get(kind);
  if (!info) {
    const k = String(kind ?? '').toLowerCase();
    info = KIND_GROUPS[k] || { group: 'other', label: k ? k[0].toUpperCase() + k.slice(1) : 'Other', icon: '•', describe: k || 'other' };
    if (KIND_INFO.size < 100) KIND_INFO.set(kind, info);
  }
  return info;
}

const SEVERITY_RANK = { high: 3, medium: 2, low: 1 };
export function severityRank(s) {
  return SEVERITY_RANK[s] || 0;
}
export function severityOf(s) {
  return SEVERITY_RANK[s] ? s : 'low';
}

/**
 * Everything a view needs: the report, the texts it was computed from
 * (article id → string; spans index into these) and lookups.
 */
export class Context {
  constructor(report, texts) {
    if (!report || !Array.isArray(report.articles)) throw new Error('the report has no articles');
    this.report = report;
    this.articles = report.articles;
    this.entities = Array.isArray(report.entities) ? report.entities : [];
    this.pairs = Array.isArray(report.pairs) ? report.pairs : [];
    this.passages = Array.isArray(report.passages) ? report.passages : [];
    this.divergences = Array.isArray(report.divergences) ? report.divergences : [];
    this.byId = new Map(this.articles.map((a) => [a.id, a]));
    this.texts = new Map();
    this.articles.forEach((a, i) => {
      const t = texts instanceof Map ? texts.get(a.id) : Array.isArray(texts) ? texts[i] : texts?.[a.id];
      this.texts.set(a.id, typeof t === 'string' ? t : '');
    });
    this.pairMap = new Map(this.pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  }

  label(id) {
    return this.byId.get(id)?.label ?? String(id);
  }

  /** "Valley Daily Herald [B]". */
  name(id) {
    const l = this.label(id);
    return l && l !== id ? `${l} [${id}]` : String(id);
  }

  text(id) {
    return this.texts.get(id) ?? '';
  }

  pair(a, b) {
    return this.pairMap.get(`${a}\u0000${b}`) || null;
  }

  /** Passages between x and y, with x's side as `a`, sorted along x. */
  passagesBetween(x, y) {
    const out = [];
    this.passages.forEach((p, index) => {
      if (p.a === x && p.b === y) out.push({ ...p, index });
      else if (p.a === y && p.b === x) out.push({ ...flipPassage(p), index });
    });
    return out.sort((p, q) => p.a_start - q.a_start);
  }

  /** Divergence `index` with its index. */
  indexed(index) {
    return { ...this.divergences[index], index };
  }

  /** The divergences of article `id`, with their index in the report. */
  divergencesOf(id) {
    const out = [];
    this.divergences.forEach((d, index) => {
      if (d.article === id) out.push({ ...d, index });
    });
    return out;
  }

  /**
   * The divergences' indices, most severe first, then in report order (as
   * the lists show them), found once: sorting 240,000 findings with a
   * comparator took over 100 ms.
   */
  severityOrder() {
    if (!this.severityIndices) {
      const buckets = [[], [], [], []];
      this.divergences.forEach((d, i) => buckets[3 - severityRank(d.severity)].push(i));
      this.severityIndices = buckets.flat();
    }
    return this.severityIndices;
  }
}

/** An entity's other names (its aliases but its own name). */
export function otherNames(entity) {
  return (entity.aliases || []).filter((x) => x !== entity.name);
}

export function flipPassage(p) {
  return {
    a: p.b, b: p.a,
    a_start: p.b_start, a_end: p.b_end,
    b_start: p.a_start, b_end: p.a_end,
    words: p.words, identity: p.identity,
    edits: (p.edits || []).map((e) => ({
      kind: e.kind === 'insert' ? 'delete' : e.kind === 'delete' ? 'insert' : e.kind,
      a_start: e.b_start, a_end: e.b_end, b_start: e.a_start, b_end: e.a_end,
      a_text: e.b_text, b_text: e.a_text,
    })),
  };
}
