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
/**
 * The key of a divergence's marked stretch in a reading view or the HTML
 * report: `d<index>`, or `d<index>m<side>` for another side of a finding
 * that carries several (see `Context.entry`).
 */
export function divergenceKey(d) {
  return `d${d.index}${d.mirror ? `m${d.side}` : ''}`;
}

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

  /**
   * An entry of `byArticle`: a divergence's index, or for another side of
   * a finding that carries several, `mirrorEntry(index, side)`: side 0 is
   * the counterpart (`counterpart_start`), side k the k-th of `also`; the
   * finding as that article sees it (`mirror: true`, `side`).
   */
  entry(e) {
    if (e >= 0) return this.indexed(e);
    const n = Math.max(1, this.divergences.length);
    const v = -e - 1;
    const side = Math.floor(v / n);
    const index = v - side * n;
    const d = this.divergences[index];
    if (!d) return undefined;
    const at = side === 0
      ? { article: d.others[0], start: d.counterpart_start, end: d.counterpart_end, text: d.counterpart ?? '' }
      : d.also?.[side - 1];
    if (!at) return undefined;
    return {
      ...d, index, mirror: true, side, article: at.article, start: at.start, end: at.end,
      text: at.text ?? '', counterpart: d.text, others: [d.article],
    };
  }

  /** The `byArticle` entry of side `side` of divergence `index` (see `entry`). */
  mirrorEntry(index, side = 0) {
    return -(index + 1) - side * Math.max(1, this.divergences.length);
  }

  /** The divergences of article `id` (both sides of those that carry two), with their index in the report. */
  divergencesOf(id) {
    return (this.prep().byArticle.get(id) || []).map((e) => this.entry(e));
  }

  /** The divergences' indices, most severe first, then in report order (as the lists show them). */
  severityOrder() {
    return this.prep().bySeverity;
  }

  // What the views ask of every divergence, found once: `groups` (the kind
  // group of each), `groupCounts` (group → count), `bySeverity` (indices,
  // most severe first, then in report order), `byArticle` (article id →
  // entries, see `entry`), `facts` (indices of the fact group). A report may hold 240,000
  // findings (`ranked`: how many have a known severity): sorting them with a comparator took over 100 ms, and each pass
  // over them 20–60 ms, so the page runs `prepareJob` a slice per task
  // before drawing; the views call `prep()`, which does it at once if needed.
  prepareJob(slice = 20_000) {
    const all = this.divergences;
    const groups = new Array(all.length);
    const groupCounts = new Map();
    const buckets = [[], [], [], []];
    const byArticle = new Map();
    const facts = [];
    let i = 0;
    return {
      step: () => {
        if (this.prepared) return false;
        for (const end = Math.min(all.length, i + slice); i < end; i++) {
          const d = all[i];
          const g = kindInfo(d.kind).group;
          groups[i] = g;
          groupCounts.set(g, (groupCounts.get(g) || 0) + 1);
          buckets[3 - severityRank(d.severity)].push(i);
          let mine = byArticle.get(d.article);
          if (!mine) byArticle.set(d.article, (mine = []));
          mine.push(i);
          // the other sides of a finding that carries them
          const o = d.others?.[0];
          if (o != null && Number.isInteger(d.counterpart_start) && Number.isInteger(d.counterpart_end)) {
            let theirs = byArticle.get(o);
            if (!theirs) byArticle.set(o, (theirs = []));
            theirs.push(this.mirrorEntry(i, 0));
            (d.also || []).forEach((side, k) => {
              if (!Number.isInteger(side?.start) || !Number.isInteger(side?.end)) return;
              let more = byArticle.get(side.article);
              if (!more) byArticle.set(side.article, (more = []));
              more.push(this.mirrorEntry(i, k + 1));
            });
          }
          if (g === 'fact') facts.push(i);
        }
        if (i < all.length) return true;
        const ranked = all.length - buckets[3].length; // those of a known severity come first
        this.prepared = { groups, groupCounts, bySeverity: buckets.flat(), ranked, byArticle, facts };
        return false;
      },
    };
  }

  /** The `prepareJob` results, found now if they are not yet. */
  prep() {
    if (!this.prepared) {
      const job = this.prepareJob(Infinity);
      while (job.step());
    }
    return this.prepared;
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
    words: p.words, identity: p.identity, kind: p.kind,
    edits: (p.edits || []).map((e) => ({
      kind: e.kind === 'insert' ? 'delete' : e.kind === 'delete' ? 'insert' : e.kind,
      a_start: e.b_start, a_end: e.b_end, b_start: e.a_start, b_end: e.a_end,
      a_text: e.b_text, b_text: e.a_text,
    })),
  };
}

/** The kinds a passage can have (types/report.d.ts `PassageKind`), in the order they are listed. */
export const PASSAGE_KINDS = ['verbatim', 'paraphrase', 'summary'];

/**
 * How many passages of each kind, as a reader reads it: "2 verbatim, 1 paraphrase"
 * (kinds with none left out; a report from before kinds existed gives '').
 */
export function passageKinds(passages) {
  const counts = new Map();
  for (const p of passages) if (p.kind) counts.set(p.kind, (counts.get(p.kind) || 0) + 1);
  const known = PASSAGE_KINDS.filter((k) => counts.has(k));
  const other = [...counts.keys()].filter((k) => !PASSAGE_KINDS.includes(k)).sort();
  return [...known, ...other].map((k) => `${counts.get(k).toLocaleString('en-US')} ${k}`).join(', ');
}
